// Webhook subscriptions made through the API (per shop): webhookSubscriptionCreate/Delete and the
// webhookSubscriptions query. Deliveries go to each subscription of the event's topic, besides the
// simulator's configured webhook URL (which stands for the app's TOML subscriptions).
import { connection } from './connection.js';
import { userError } from './inputs.js';

function addressError(store, topic, uri) {
  if (!uri) return "Address can't be blank";
  if (!URL.canParse(uri)) return 'Address is invalid';
  const taken = store.all('WebhookSubscription').some((subscription) => subscription.topic === topic && subscription.uri === uri);
  return taken ? 'Address for this topic has already been taken' : null;
}

export const webhookSubscriptionResolvers = {
  QueryRoot: {
    webhookSubscriptions: (_, args, context) => connection(context.store.all('WebhookSubscription').filter((subscription) => (
      (!args.topics || args.topics.includes(subscription.topic)) && (!(args.uri ?? args.callbackUrl) || subscription.uri === (args.uri ?? args.callbackUrl))
    )), args, context),
    webhookSubscription: (_, { id }, { store }) => store.nodeOfType('WebhookSubscription', id),
  },
  Mutation: {
    webhookSubscriptionCreate: (_, { topic, webhookSubscription: input }, { store, apiVersion }) => {
      const uri = input.uri ?? input.callbackUrl;
      const problem = addressError(store, topic, uri);
      if (problem) return { webhookSubscription: null, userErrors: [userError(['webhookSubscription', 'callbackUrl'], problem)] };
      const now = store.clock.now();
      const webhookSubscription = store.add('WebhookSubscription', {
        topic, uri, callbackUrl: uri, format: input.format ?? 'JSON', includeFields: input.includeFields ?? [],
        metafieldNamespaces: input.metafieldNamespaces ?? [], filter: input.filter ?? null, name: input.name ?? null,
        apiVersion: { handle: apiVersion, displayName: apiVersion, supported: true }, createdAt: now, updatedAt: now,
      });
      return { webhookSubscription, userErrors: [] };
    },
    webhookSubscriptionDelete: (_, { id }, { store }) => {
      const subscription = store.nodeOfType('WebhookSubscription', id);
      if (!subscription) return { deletedWebhookSubscriptionId: null, userErrors: [userError(['id'], 'Webhook subscription does not exist')] };
      store.remove(subscription);
      return { deletedWebhookSubscriptionId: id, userErrors: [] };
    },
  },
  WebhookSubscription: {
    endpoint: (subscription) => ({ __typename: 'WebhookHttpEndpoint', callbackUrl: subscription.uri }),
  },
};

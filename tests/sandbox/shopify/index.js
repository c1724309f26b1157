// The Shopify Admin GraphQL simulator: the sandbox's stand-in for a shop, executing documents
// against Shopify's official Admin schema over an in-memory catalog, with Shopify's cost model,
// leaky-bucket throttling, bulk operations, staged uploads, signed webhooks and fault injection.
// See README.md in this folder for the contract.
import { once } from 'node:events';
import { AccessTokens, deterministicToken } from './auth.js';
import { LeakyBucket } from './bucket.js';
import { BulkOperations } from './bulk/operations.js';
import { StagedUploads } from './bulk/uploads.js';
import { DEFAULT_CLOCK_START, LogicalClock } from './clock.js';
import { runOperation, selectOperation } from './execute.js';
import { Faults } from './faults.js';
import { answerGraphQL } from './graphql-endpoint.js';
import { IdempotencyLedger } from './idempotency.js';
import { restPayload, restProduct } from './rest.js';
import { loadAdminSchema } from './schema.js';
import { BULK_RESULTS_PATH, STAGED_UPLOADS_PATH, createSimulatorServer } from './server.js';
import { variantBySku } from './store/catalog.js';
import { deleteProductBySku, editProduct } from './store/merchant.js';
import { seedCatalog } from './store/seed.js';
import { Store } from './store/store.js';
import { Webhooks } from './webhooks.js';

/** Shopify's client-credentials tokens live about a day. */
const TOKEN_LIFETIME_SECONDS = 86399;

function zeroCounters() {
  return {
    requests: 0, cost_spent: 0, throttled: 0, max_cost_exceeded: 0, mutations: 0,
    webhooks_sent: 0, webhooks_failed: 0, errors_injected: 0,
  };
}

/** The REST topic of a store change as the WebhookSubscriptionTopic enum spells it. */
function subscriptionTopic(topic) {
  return topic.toUpperCase().replace('/', '_');
}

export async function startShopifySimulator({
  host = '127.0.0.1', port = 0, apiVersion = '2026-10', shopDomain = 'cowans-sandbox.myshopify.com',
  accessToken, clientId = 'sandbox-client-id', clientSecret = 'sandbox-client-secret', products = [],
  bucketSize = 2000, restoreRate = 100, webhookUrl = null, log = () => {},
  tokenLifetimeSeconds = TOKEN_LIFETIME_SECONDS, clockStart = DEFAULT_CLOCK_START,
} = {}) {
  const schema = await loadAdminSchema(apiVersion);
  const counters = zeroCounters();
  const store = new Store({ clock: new LogicalClock(clockStart), shopDomain, shopName: 'Cowans Sandbox' });
  seedCatalog(store, products);
  const tokens = new AccessTokens({
    accessToken: accessToken ?? deterministicToken(`sandbox:${shopDomain}`), clientId, clientSecret, lifetimeSeconds: tokenLifetimeSeconds,
  });
  const bucket = new LeakyBucket({ size: bucketSize, restoreRate });
  const faults = new Faults();
  const idempotency = new IdempotencyLedger();
  const webhooks = new Webhooks({ shopDomain, apiVersion, secret: clientSecret, url: webhookUrl, counters, log });
  store.on('change', (topic, record) => {
    const subscriptions = store.all('WebhookSubscription').filter((subscription) => subscription.topic === subscriptionTopic(topic));
    webhooks.publish(topic, restPayload(store, topic, record), store.clock.now(), subscriptions);
  });

  const parts = { apiVersion, shopDomain, tokens, faults, counters, log };
  const server = createSimulatorServer(parts);
  server.listen(port, host);
  await once(server, 'listening');
  const adminBaseUrl = `http://${host}:${server.address().port}`;

  const uploads = new StagedUploads({ url: `${adminBaseUrl}${STAGED_UPLOADS_PATH}`, secret: clientSecret });
  const services = { store, uploads, idempotency, apiVersion, log };
  const bulk = new BulkOperations({
    store, schema, uploads, log,
    resultsUrl: (name) => `${adminBaseUrl}${BULK_RESULTS_PATH}/${name}`,
    runningMs: () => faults.settings.bulkRunningMs,
    execute: ({ document, variables }) => runOperation({
      schema, document, operation: selectOperation(document).operation, variables, services, wholeConnections: true,
    }),
  });
  services.bulk = bulk;
  Object.assign(parts, {
    uploads, bulk,
    answer: (request) => answerGraphQL({ schema, request, services, bucket, forceThrottle: faults.throttled(), counters }),
  });
  log(`shopify: simulator for ${shopDomain} (Admin API ${apiVersion}) at ${adminBaseUrl}`);

  return {
    adminBaseUrl, shopDomain, apiVersion, accessToken: tokens.accessToken, clientId, clientSecret,

    getProductBySku(sku) {
      const variant = variantBySku(store, sku);
      return variant ? restProduct(store, store.node(variant.productId)) : null;
    },
    editProduct(sku, changes) {
      return restProduct(store, editProduct(store, sku, changes));
    },
    deleteProduct(sku) {
      return { id: deleteProductBySku(store, sku).id };
    },
    setWebhookUrl(url) {
      webhooks.url = url;
    },
    /** { duplicate, reorder, retries, firstRetryDelayMs }: how webhooks are delivered from now on. */
    setWebhookDelivery(settings) {
      webhooks.setDelivery(settings);
    },
    /** Resolves once every webhook published so far has been delivered or given up on. */
    webhooksSettled() {
      return webhooks.settled();
    },
    setFaults(settings) {
      faults.set(settings);
    },
    setBucket({ size, restoreRate }) {
      bucket.configure({ size, restoreRate });
    },
    counters() {
      return {
        ...counters, tokens_issued: tokens.issued, bulk_operations: store.all('BulkOperation').length,
        idempotency_keys: idempotency.keys(),
      };
    },
    reset(nextProducts = products) {
      bulk.stop();
      store.clear();
      seedCatalog(store, nextProducts);
      uploads.clear();
      idempotency.clear();
      faults.reset();
      webhooks.resetDelivery();
      bucket.configure({ size: bucketSize, restoreRate });
      bucket.fill();
      Object.assign(counters, zeroCounters());
    },
    async stop() {
      bulk.stop();
      webhooks.stop();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

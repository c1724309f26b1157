// Resolves every field of the Admin schema: a resolver written for the type (or for one of its
// interfaces) when there is one, else the record's property of the same name, else the type's
// empty value, so unknown-but-valid fields never crash. Mutations are the exception: one the
// sandbox does not simulate says so rather than pretend it ran. Each resolved value is metered
// for the actual query cost.
import { GraphQLError } from 'graphql';
import { bulkResolvers } from './bulk.js';
import { defaultValueFor } from './defaults.js';
import { inventoryResolvers } from './inventory-objects.js';
import { inventoryMutationResolvers } from './inventory.js';
import { productMutationResolvers } from './product-mutations.js';
import { productSetResolvers } from './product-set.js';
import { productResolvers } from './products.js';
import { queryResolvers } from './queries.js';
import { shopMutationResolvers } from './shop-mutations.js';
import { shopObjectResolvers } from './shop-objects.js';
import { variantMutationResolvers } from './variant-mutations.js';
import { webhookSubscriptionResolvers } from './webhook-subscriptions.js';

const RESOLVERS = {};
for (const module of [
  queryResolvers, productResolvers, inventoryResolvers, shopObjectResolvers, productMutationResolvers, variantMutationResolvers,
  productSetResolvers, inventoryMutationResolvers, shopMutationResolvers, webhookSubscriptionResolvers, bulkResolvers,
]) {
  for (const [typeName, fields] of Object.entries(module)) RESOLVERS[typeName] = { ...RESOLVERS[typeName], ...fields };
}

const resolverCache = new Map();

function resolverFor(parentType, fieldName) {
  const cacheKey = `${parentType.name}.${fieldName}`;
  if (!resolverCache.has(cacheKey)) {
    const owners = [parentType, ...parentType.getInterfaces()];
    resolverCache.set(cacheKey, owners.map((owner) => RESOLVERS[owner.name]?.[fieldName]).find(Boolean) ?? null);
  }
  return resolverCache.get(cacheKey);
}

export function fieldResolver(source, args, context, info) {
  const resolve = resolverFor(info.parentType, info.fieldName);
  if (!resolve && info.parentType === info.schema.getMutationType()) {
    throw new GraphQLError(`The sandbox does not simulate the ${info.fieldName} mutation.`, { extensions: { code: 'NOT_SIMULATED' } });
  }
  const value = resolve ? resolve(source, args, context, info) : source?.[info.fieldName];
  const result = value === undefined ? defaultValueFor(info.schema, info.returnType, context.store.clock) : value;
  context.meter(info.returnType, result);
  return result;
}

/** Records name their concrete type, which is how interfaces and unions resolve. */
export function typeResolver(value) {
  return value.__typename;
}

// QueryRoot: the catalog reads the sync makes (products, variants, collections, inventory,
// locations, the shop, nodes by ID) over the in-memory store, with Shopify's search and paging.
import { responsePathAsArray } from 'graphql';
import { searchPredicate } from '../search.js';
import { productByHandle } from '../store/catalog.js';
import {
  collectionSearchFields, inventoryItemSearchFields, productSearchFields, productSortValue, variantSearchFields, variantSortValue,
} from './catalog-search.js';
import { connection } from './connection.js';

/** Count fields stop at `limit` (default 10,000) and then say so. */
const DEFAULT_COUNT_LIMIT = 10000;

/** Records matching `query`; unknown search fields are reported in extensions.search, as Shopify does. */
function matching(records, query, fields, context, info) {
  const warnings = [];
  const predicate = searchPredicate(query, fields, warnings);
  if (warnings.length) context.searchWarnings.push({ path: responsePathAsArray(info.path), query, warnings });
  return records.filter(predicate);
}

function count(records, limit = DEFAULT_COUNT_LIMIT) {
  return limit !== null && records.length > limit ? { count: limit, precision: 'AT_LEAST' } : { count: records.length, precision: 'EXACT' };
}

function byIdentifier(store, type, identifier) {
  if (identifier.id) return store.nodeOfType(type, identifier.id);
  return store.all(type).find((record) => record.handle === identifier.handle) ?? null;
}

export const queryResolvers = {
  QueryRoot: {
    shop: (_, args, { store }) => store.shop,
    node: (_, { id }, { store }) => store.node(id),
    nodes: (_, { ids }, { store }) => ids.map((id) => store.node(id)),

    products: (_, args, context, info) => connection(
      matching(context.store.all('Product'), args.query, productSearchFields(context.store), context, info),
      args, context, productSortValue(context.store, args.sortKey)),
    productsCount: (_, { query, limit }, context, info) => count(
      matching(context.store.all('Product'), query, productSearchFields(context.store), context, info), limit),
    product: (_, { id }, { store }) => store.nodeOfType('Product', id),
    productByIdentifier: (_, { identifier }, { store }) => byIdentifier(store, 'Product', identifier),
    productByHandle: (_, { handle }, { store }) => productByHandle(store, handle),

    productVariants: (_, args, context, info) => connection(
      matching(context.store.all('ProductVariant'), args.query, variantSearchFields(context.store), context, info),
      args, context, variantSortValue(context.store, args.sortKey)),
    productVariantsCount: (_, { query, limit }, context, info) => count(
      matching(context.store.all('ProductVariant'), query, variantSearchFields(context.store), context, info), limit),
    productVariant: (_, { id }, { store }) => store.nodeOfType('ProductVariant', id),

    collections: (_, args, context, info) => connection(
      matching(context.store.all('Collection'), args.query, collectionSearchFields(), context, info), args, context,
      args.sortKey === 'TITLE' ? (collection) => collection.title.toLowerCase() : undefined),
    collection: (_, { id }, { store }) => store.nodeOfType('Collection', id),
    collectionByIdentifier: (_, { identifier }, { store }) => byIdentifier(store, 'Collection', identifier),

    inventoryItems: (_, args, context, info) => connection(
      matching(context.store.all('InventoryItem'), args.query, inventoryItemSearchFields(context.store), context, info), args, context),
    inventoryItem: (_, { id }, { store }) => store.nodeOfType('InventoryItem', id),
    inventoryLevel: (_, { id }, { store }) => store.nodeOfType('InventoryLevel', id),
    productOperation: (_, { id }, { store }) => store.nodeOfType('ProductSetOperation', id),

    locations: (_, args, context) => connection(context.store.all('Location'), args, context,
      args.sortKey === 'ID' ? undefined : (location) => location.name.toLowerCase()),
    location: (_, { id }, { store }) => (id ? store.nodeOfType('Location', id) : store.location),
  },
};

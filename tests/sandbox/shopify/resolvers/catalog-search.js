// The search fields and sort keys of the catalog's connections, so `query:` and `sortKey:` on
// products, productVariants, collections and inventoryItems behave as on Shopify.
import { DATE, EXACT, NUMBER, TEXT } from '../search.js';
import { availableOf, collectionsOf, variantsOf } from '../store/catalog.js';

export function productSearchFields(store) {
  const skus = (product) => variantsOf(store, product).map((variant) => variant.sku);
  return {
    default: { kind: TEXT, values: (product) => [product.title, product.vendor, product.productType, ...product.tags, ...skus(product)] },
    title: { kind: TEXT, values: (product) => [product.title] },
    handle: { kind: EXACT, values: (product) => [product.handle] },
    sku: { kind: EXACT, values: skus },
    barcode: { kind: EXACT, values: (product) => variantsOf(store, product).map((variant) => variant.barcode) },
    vendor: { kind: EXACT, values: (product) => [product.vendor] },
    product_type: { kind: EXACT, values: (product) => [product.productType] },
    status: { kind: EXACT, values: (product) => [product.status] },
    tag: { kind: EXACT, values: (product) => product.tags },
    id: { kind: NUMBER, values: (product) => [product.legacyResourceId] },
    collection_id: { kind: NUMBER, values: (product) => collectionsOf(store, product).map((collection) => collection.legacyResourceId) },
    inventory_total: { kind: NUMBER, values: (product) => [totalInventory(store, product)] },
    created_at: { kind: DATE, values: (product) => [product.createdAt] },
    updated_at: { kind: DATE, values: (product) => [product.updatedAt] },
    published_at: { kind: DATE, values: (product) => [product.publishedAt] },
  };
}

export function totalInventory(store, product) {
  return variantsOf(store, product).reduce((sum, variant) => sum + availableOf(store, variant), 0);
}

export function productSortValue(store, sortKey) {
  const byKey = {
    TITLE: (product) => product.title.toLowerCase(),
    VENDOR: (product) => product.vendor.toLowerCase(),
    PRODUCT_TYPE: (product) => product.productType.toLowerCase(),
    CREATED_AT: (product) => product.createdAt,
    UPDATED_AT: (product) => product.updatedAt,
    PUBLISHED_AT: (product) => product.publishedAt,
    INVENTORY_TOTAL: (product) => totalInventory(store, product),
  };
  return byKey[sortKey] ?? (() => null);
}

export function variantSearchFields(store) {
  const product = (variant) => store.node(variant.productId);
  return {
    default: { kind: TEXT, values: (variant) => [variant.title, variant.sku, variant.barcode, product(variant).title] },
    title: { kind: TEXT, values: (variant) => [variant.title] },
    sku: { kind: EXACT, values: (variant) => [variant.sku] },
    barcode: { kind: EXACT, values: (variant) => [variant.barcode] },
    product_id: { kind: NUMBER, values: (variant) => [product(variant).legacyResourceId] },
    product_status: { kind: EXACT, values: (variant) => [product(variant).status] },
    vendor: { kind: EXACT, values: (variant) => [product(variant).vendor] },
    id: { kind: NUMBER, values: (variant) => [variant.legacyResourceId] },
    inventory_quantity: { kind: NUMBER, values: (variant) => [availableOf(store, variant)] },
    created_at: { kind: DATE, values: (variant) => [variant.createdAt] },
    updated_at: { kind: DATE, values: (variant) => [variant.updatedAt] },
  };
}

export function variantSortValue(store, sortKey) {
  const byKey = {
    SKU: (variant) => variant.sku ?? '',
    TITLE: (variant) => variant.title.toLowerCase(),
    NAME: (variant) => variant.title.toLowerCase(),
    FULL_TITLE: (variant) => `${store.node(variant.productId).title} - ${variant.title}`.toLowerCase(),
    POSITION: (variant) => variant.position,
    INVENTORY_QUANTITY: (variant) => availableOf(store, variant),
    INVENTORY_LEVELS_AVAILABLE: (variant) => availableOf(store, variant),
  };
  return byKey[sortKey] ?? (() => null);
}

export function collectionSearchFields() {
  return {
    default: { kind: TEXT, values: (collection) => [collection.title, collection.handle] },
    title: { kind: TEXT, values: (collection) => [collection.title] },
    handle: { kind: EXACT, values: (collection) => [collection.handle] },
    id: { kind: NUMBER, values: (collection) => [collection.legacyResourceId] },
    collection_type: { kind: EXACT, values: (collection) => [collection.ruleSet ? 'smart' : 'custom'] },
    updated_at: { kind: DATE, values: (collection) => [collection.updatedAt] },
  };
}

export function inventoryItemSearchFields(store) {
  const variant = (item) => store.node(item.variantId);
  return {
    default: { kind: EXACT, values: (item) => [variant(item).sku] },
    sku: { kind: EXACT, values: (item) => [variant(item).sku] },
    id: { kind: NUMBER, values: (item) => [item.legacyResourceId] },
    created_at: { kind: DATE, values: (item) => [item.createdAt] },
    updated_at: { kind: DATE, values: (item) => [item.updatedAt] },
  };
}

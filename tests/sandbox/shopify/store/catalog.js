// Catalog writes shared by the seed, the GraphQL mutations and merchant edits, so a product made
// by any of them has the same shape: variants with an inventory item each, an inventory level at
// the shop's location, media, collection membership and metafields, all linked by GID.
import { metafieldsOf } from './metafields.js';

/** Inventory quantity names Shopify keeps per level; the sandbox has no orders, so only stock moves. */
const QUANTITY_NAMES = ['available', 'on_hand', 'committed', 'reserved', 'incoming', 'damaged', 'quality_control', 'safety_stock'];

function slugify(text) {
  return String(text).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'product';
}

export function productByHandle(store, handle) {
  return store.all('Product').find((product) => product.handle === handle) ?? null;
}

/** A handle free for a new product: Shopify suffixes -1, -2… when one made from the title is taken. */
function freeHandle(store, title) {
  const base = slugify(title);
  let handle = base;
  for (let n = 1; productByHandle(store, handle); n += 1) handle = `${base}-${n}`;
  return handle;
}

export function createProduct(store, fields) {
  const now = store.clock.tick();
  return store.add('Product', {
    title: fields.title, handle: fields.handle ?? freeHandle(store, fields.title),
    descriptionHtml: fields.descriptionHtml ?? '', vendor: fields.vendor ?? '', productType: fields.productType ?? '',
    tags: fields.tags ?? [], status: fields.status ?? 'ACTIVE', templateSuffix: fields.templateSuffix ?? null,
    createdAt: now, updatedAt: now, publishedAt: (fields.status ?? 'ACTIVE') === 'ACTIVE' ? now : null,
    variantIds: [], mediaIds: [],
  });
}

/** A variant with its inventory item, stocked at the shop's location. */
export function createVariant(store, product, fields = {}) {
  const now = store.clock.now();
  const variant = store.add('ProductVariant', {
    productId: product.id, title: fields.title ?? 'Default Title', sku: fields.sku ?? null,
    price: fields.price ?? '0.00', compareAtPrice: fields.compareAtPrice ?? null, barcode: fields.barcode ?? null,
    position: product.variantIds.length + 1, inventoryPolicy: fields.inventoryPolicy ?? 'DENY', taxable: fields.taxable ?? true,
    selectedOptions: fields.selectedOptions ?? [{ name: 'Title', value: 'Default Title' }], createdAt: now, updatedAt: now,
  });
  const item = store.add('InventoryItem', {
    variantId: variant.id, tracked: fields.tracked ?? true, cost: fields.cost ?? null, requiresShipping: fields.requiresShipping ?? true,
    weightLb: fields.weightLb ?? 0, levelIds: [], createdAt: now, updatedAt: now,
  });
  variant.inventoryItemId = item.id;
  product.variantIds.push(variant.id);
  stockAt(store, item, store.location, fields.available ?? 0);
  return variant;
}

function stockAt(store, item, location, available) {
  const now = store.clock.now();
  const quantities = Object.fromEntries(QUANTITY_NAMES.map((name) => [name, 0]));
  Object.assign(quantities, { available, on_hand: available });
  const level = store.add('InventoryLevel', { itemId: item.id, locationId: location.id, quantities, isActive: true, createdAt: now, updatedAt: now },
    `?inventory_item_id=${item.legacyResourceId}`);
  item.levelIds.push(level.id);
  return level;
}

export function inventoryLevels(store, itemId) {
  return store.node(itemId)?.levelIds.map((id) => store.node(id)) ?? [];
}

export function inventoryLevel(store, itemId, locationId) {
  return inventoryLevels(store, itemId).find((level) => level.locationId === locationId) ?? null;
}

/** Sets one named quantity absolutely; available and on_hand move together (nothing is committed). */
export function setQuantity(store, level, name, quantity) {
  const delta = quantity - level.quantities[name];
  for (const moved of name === 'available' || name === 'on_hand' ? ['available', 'on_hand'] : [name]) {
    level.quantities[moved] += delta;
  }
  level.updatedAt = store.clock.tick();
  store.changed('inventory_levels/update', level);
  return delta;
}

export function variantsOf(store, product) {
  return product.variantIds.map((id) => store.node(id));
}

export function availableOf(store, variant) {
  return inventoryLevels(store, variant.inventoryItemId).reduce((sum, level) => sum + level.quantities.available, 0);
}

export function variantBySku(store, sku) {
  return store.all('ProductVariant').find((variant) => variant.sku === sku) ?? null;
}

export function deleteVariant(store, product, variant) {
  inventoryLevels(store, variant.inventoryItemId).forEach((level) => store.remove(level));
  store.remove(store.node(variant.inventoryItemId));
  store.remove(variant);
  product.variantIds = product.variantIds.filter((id) => id !== variant.id);
  variantsOf(store, product).forEach((remaining, index) => { remaining.position = index + 1; });
}

export function addMedia(store, product, { url, alt = null }) {
  const now = store.clock.now();
  const media = store.add('MediaImage', {
    productId: product.id, alt, url, mediaContentType: 'IMAGE', status: 'READY', fileStatus: 'READY', createdAt: now, updatedAt: now,
  });
  product.mediaIds.push(media.id);
  return media;
}

/** Records that a product changed: bumps updatedAt and announces it (products/update by default). */
export function touchProduct(store, product, topic = 'products/update') {
  product.updatedAt = store.clock.tick();
  store.changed(topic, product);
  return product;
}

export function deleteProduct(store, product) {
  variantsOf(store, product).forEach((variant) => deleteVariant(store, product, variant));
  product.mediaIds.forEach((id) => store.remove(store.node(id)));
  store.all('Collection').forEach((collection) => leaveCollection(collection, product));
  metafieldsOf(store, product.id).forEach((metafield) => store.remove(metafield));
  store.remove(product);
  store.changed('products/delete', product);
}

function collectionByHandle(store, handle) {
  return store.all('Collection').find((collection) => collection.handle === handle) ?? null;
}

/** The manual collection with this handle, created (titled after the handle) if the shop lacks it. */
export function ensureCollection(store, handle) {
  const now = store.clock.now();
  const title = handle.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  return collectionByHandle(store, handle)
    ?? store.add('Collection', { handle, title, descriptionHtml: '', ruleSet: null, sortOrder: 'MANUAL', productIds: [], updatedAt: now });
}

export function joinCollection(store, collection, product) {
  if (collection.productIds.includes(product.id)) return;
  collection.productIds.push(product.id);
  collection.updatedAt = store.clock.tick();
}

export function leaveCollection(collection, product) {
  collection.productIds = collection.productIds.filter((id) => id !== product.id);
}

export function collectionsOf(store, product) {
  return store.all('Collection').filter((collection) => collection.productIds.includes(product.id));
}

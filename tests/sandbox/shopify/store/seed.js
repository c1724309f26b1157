// Turns the catalog generator's products into shop records. The seeded catalog is a snapshot taken
// at the clock's start: every seeded record carries that instant, so `updated_at:>` the start
// finds exactly what changed afterwards.
import { addMedia, createProduct, createVariant, ensureCollection, joinCollection } from './catalog.js';
import { writeMetafield } from './metafields.js';

/** Where the store keeps a product's manufacturer part number (the app reads it back from there). */
export const MPN_METAFIELD = { namespace: 'custom', key: 'manufacturer_part_number', type: 'single_line_text_field' };

export function seedCatalog(store, products = []) {
  store.clock.stopped(() => products.forEach((source) => seedProduct(store, source)));
}

function seedProduct(store, source) {
  const product = createProduct(store, {
    title: source.title, handle: source.handle, descriptionHtml: source.descriptionHtml, vendor: source.vendor,
    productType: source.productType, tags: source.tags, status: source.status,
  });
  createVariant(store, product, {
    sku: source.sku, price: source.price, compareAtPrice: source.compareAtPrice, barcode: source.barcode,
    cost: source.cost, weightLb: source.weightLb, available: source.inventoryQuantity ?? 0,
  });
  for (const image of source.images ?? []) addMedia(store, product, { url: image.url, alt: image.altText });
  for (const handle of source.collections ?? []) joinCollection(store, ensureCollection(store, handle), product);
  if (source.mpn) writeMetafield(store, product, { ...MPN_METAFIELD, value: source.mpn });
}

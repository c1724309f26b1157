// The Etilize drop as a ZIP, in one of the two layouts the import understands.
import { csvRows } from './csv.js';
import { etilizeItems } from './views.js';
import { createZip } from './zip.js';
import { MANUFACTURERS, PRODUCT_KINDS } from './vocabulary.js';

export const FLAT_HEADER = ['sku', 'title', 'description', 'manufacturer', 'mpn', 'upc', 'category', 'image_url', 'weight_lb', 'etilize_product_id'];

/** The `productskus` source names: the retailer's own SKU, and the UPC. */
export const RETAILER_SKU_SOURCE = 'Cowans Office Supplies';
export const UPC_SKU_SOURCE = 'UPC';

const LOCALE_EN_US = 1;

export function etilizeZipName(catalog) {
  return `cowans_etilize_${catalog.date.replaceAll('-', '')}.zip`;
}

export function etilizeZip(catalog, layout) {
  const items = etilizeItems(catalog);
  const entries = layout === 'flat' ? flatEntries(items) : enhancedEntries(items, catalog.date);
  return createZip(entries.map(([name, rows]) => ({ name, data: Buffer.from(csvRows(rows), 'utf8') })), catalog.date);
}

function flatEntries(items) {
  return [['cowans_catalog.csv', [FLAT_HEADER, ...items.map((item) => [
    item.sku, item.title, item.descriptionHtml, item.manufacturer.name, item.mpn, item.upc, item.category,
    item.images[0].url, item.weightLb, item.etilizeProductId,
  ])]]];
}

/**
 * Header-less positional files joined by productid, as Etilize Enhanced Content ships them, plus
 * products the import must skip: inactive ones and accessories (one in a hundred of each, at least one).
 */
function enhancedEntries(items, date) {
  const stamp = `${date} 00:00:00`;
  const skipped = Math.max(1, Math.floor(items.length / 100));
  const extras = Array.from({ length: skipped * 2 }, (_, n) => ({
    ...items[n % items.length], etilizeProductId: 3000000 + n, sku: `COS-X${n}`, inactive: n < skipped, accessory: n >= skipped,
  }));
  const all = [...items, ...extras];
  const categoryId = (item) => 100 + PRODUCT_KINDS.findIndex((kind) => kind.category === item.category);
  return [
    ['EN_US_B_product.csv', all.map((item) => [
      item.etilizeProductId, item.manufacturer.id, item.inactive ? 0 : 1, item.mpn, categoryId(item), item.accessory ? 1 : 0, '', stamp, stamp, stamp,
    ])],
    ['EN_US_B_productdescriptions.csv', all.flatMap((item) => [
      [item.etilizeProductId, item.title, 1, 2, LOCALE_EN_US],
      [item.etilizeProductId, item.descriptionHtml, 0, 1, LOCALE_EN_US],
    ])],
    ['EN_US_SKU_productskus.csv', all.flatMap((item) => [
      [item.etilizeProductId, RETAILER_SKU_SOURCE, item.sku, LOCALE_EN_US, stamp, ''],
      [item.etilizeProductId, UPC_SKU_SOURCE, item.upc, LOCALE_EN_US, stamp, ''],
    ])],
    ['G_manufacturer.csv', MANUFACTURERS.map((m) => [m.id, m.name, '', '', '', '', '', '', '', 'US', '', stamp])],
    ['EN_US_categorynames.csv', PRODUCT_KINDS.map((kind, n) => [100 + n, kind.category, LOCALE_EN_US])],
  ];
}

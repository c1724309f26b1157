// The Etilize drop as a ZIP, in one of the two layouts the import understands.
import { csvRows } from './csv.js';
import { etilizeIdentityOf, etilizeItems } from './views.js';
import { createZip } from './zip.js';
import { MANUFACTURERS, PRODUCT_KINDS } from './vocabulary.js';

export const FLAT_HEADER = ['sku', 'title', 'description', 'manufacturer', 'mpn', 'upc', 'category', 'image_url', 'weight_lb', 'etilize_product_id'];

/** The `productskus` source names: the retailer's own SKU, the distributors', the UPC and the UNSPSC code. */
export const RETAILER_SKU_SOURCE = 'Cowans Office Supplies';
export const DISTRIBUTOR_SKU_SOURCE = 'SP Richards';
export const UPC_SKU_SOURCE = 'UPC';
export const UNSPSC_SKU_SOURCE = 'UNSPSC';

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
      item.etilizeProductId, item.manufacturer.id, item.inactive ? 0 : 1, etilizeIdentityOf(item, 'enhanced') === 'upc' ? '' : item.mpn,
      categoryId(item), item.accessory ? 1 : 0, '', stamp, stamp, stamp,
    ])],
    ['EN_US_B_productdescriptions.csv', all.flatMap((item) => [
      [item.etilizeProductId, item.title, 1, 2, LOCALE_EN_US],
      [item.etilizeProductId, item.descriptionHtml, 0, 1, LOCALE_EN_US],
    ])],
    ['EN_US_SKU_productskus.csv', all.flatMap((item) => skuRows(item).map(([source, sku]) => [item.etilizeProductId, source, sku, LOCALE_EN_US, stamp, '']))],
    ['G_manufacturer.csv', MANUFACTURERS.map((m) => [m.id, m.name, '', '', '', '', '', '', '', 'US', '', stamp])],
    ['EN_US_categorynames.csv', PRODUCT_KINDS.map((kind, n) => [100 + n, kind.category, LOCALE_EN_US])],
  ];
}

/**
 * A product's SKU rows, the distributor's first as feeds often order them: the retailer's row unless the product is
 * identified otherwise (`etilizeIdentityOf`); the SP Richards row, holding the retailer's SKU for `sp_richards`
 * products and the distributor's own number for the rest, missing for `mpn` and `upc` products; UNSPSC and UPC always.
 */
function skuRows(item) {
  const identity = etilizeIdentityOf(item, 'enhanced');
  return [
    ...(identity === 'retailer' ? [[DISTRIBUTOR_SKU_SOURCE, `SPR${item.etilizeProductId}`]] : []),
    ...(identity === 'sp_richards' ? [[DISTRIBUTOR_SKU_SOURCE, item.sku]] : []),
    [UNSPSC_SKU_SOURCE, '44121600'],
    ...(identity === 'retailer' ? [[RETAILER_SKU_SOURCE, item.sku]] : []),
    [UPC_SKU_SOURCE, item.upc],
  ];
}

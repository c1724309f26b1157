// What each system holds of the generated catalog, and the truth tests compare the import against.
import { DIFFERENCES } from './generate.js';

const IN_ETILIZE = new Set(['in_all', 'new_in_etilize', 'unknown_to_xorosoft']);
const IN_XOROSOFT = new Set(['in_all', 'new_in_etilize', 'shopify_only']);
const IN_SHOPIFY = new Set(['in_all', 'shopify_only']);

/** Shopify's single location mirrors this Xorosoft store. */
export const SHOPIFY_STORE = 'MAIN';

export const etilizeItems = (catalog) => catalog.items.filter((item) => IN_ETILIZE.has(item.partition));

export const xorosoftItems = (catalog) => catalog.items.filter((item) => IN_XOROSOFT.has(item.partition));

/**
 * How the Enhanced Content feed identifies a product, as real feeds do: most by a `Cowans Office Supplies` SKU row
 * (`retailer`); some only by the distributor's row, `SP Richards`, whose SKU the retailer uses (`sp_richards`); some
 * by no SKU row the retailer uses, only manufacturer + part number (`mpn`); some by neither, only the UPC (`upc`,
 * their part number left blank). Products Xorosoft does not carry keep the retailer row, so the import names what it
 * filters out by SKU. The flat layout always has the retailer's SKU.
 */
export function etilizeIdentityOf(item, layout) {
  if (layout !== 'enhanced' || item.partition === 'unknown_to_xorosoft') return 'retailer';
  switch (item.index % 20) {
    case 13: return 'sp_richards';
    case 4: case 17: return 'mpn';
    case 15: return 'upc';
    default: return 'retailer';
  }
}

/** Which field, if any, Shopify holds differently from the truth. */
export function differenceOf(item) {
  if (item.partition !== 'in_all' || item.index % 3 !== 0) return null;
  return DIFFERENCES[(item.index / 3) % DIFFERENCES.length];
}

/** The store as it was before the import: the truth, except where a difference was planted. */
export function shopifyProducts(catalog) {
  return catalog.items.filter((item) => IN_SHOPIFY.has(item.partition)).map((item) => {
    const difference = differenceOf(item);
    return {
      sku: item.sku,
      title: item.title,
      descriptionHtml: difference === 'description' ? `<p>${item.title}. Older copy from the previous catalog.</p>` : item.descriptionHtml,
      vendor: item.manufacturer.name,
      mpn: item.mpn,
      productType: item.category,
      tags: ['office-supplies', item.category.toLowerCase().replaceAll(' ', '-')],
      status: 'ACTIVE',
      handle: item.sku.toLowerCase(),
      price: difference === 'price' ? (Number(item.price) * 1.25).toFixed(2) : item.price,
      compareAtPrice: null,
      cost: item.cost,
      barcode: item.upc,
      inventoryQuantity: difference === 'inventory' ? item.stock[SHOPIFY_STORE] + 25 : item.stock[SHOPIFY_STORE],
      weightLb: item.weightLb,
      images: item.images,
      collections: [item.category.toLowerCase().replaceAll(' ', '-')],
    };
  });
}

/** Per SKU: its partition, the planted difference, and what each system holds. */
export function truthOf(catalog, layout) {
  const shopify = new Map(shopifyProducts(catalog).map((product) => [product.sku, product]));
  const counts = {};
  const skus = {};
  for (const item of catalog.items) {
    counts[item.partition] = (counts[item.partition] ?? 0) + 1;
    const inShopify = shopify.get(item.sku);
    skus[item.sku] = {
      partition: item.partition,
      difference: differenceOf(item),
      etilize: IN_ETILIZE.has(item.partition)
        ? {
          identity: etilizeIdentityOf(item, layout), title: item.title, description_html: item.descriptionHtml, manufacturer: item.manufacturer.name,
          mpn: etilizeIdentityOf(item, layout) === 'upc' ? null : item.mpn, upc: item.upc, category: item.category,
        }
        : null,
      xorosoft: IN_XOROSOFT.has(item.partition) ? { price: item.price, cost: item.cost, stock: item.stock } : null,
      shopify: inShopify
        ? { price: inShopify.price, inventory_quantity: inShopify.inventoryQuantity, description_html: inShopify.descriptionHtml }
        : null,
    };
  }
  return { seed: catalog.seed, day: catalog.day, date: catalog.date, layout, shopify_store: SHOPIFY_STORE, counts, skus };
}

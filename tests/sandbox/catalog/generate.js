// The deterministic catalog behind the whole sandbox: one list of office-supply products, split into
// partitions so tests know the truth about what the import must do with each one.
import { createRandom } from './random.js';
import { makeUpc } from './upc.js';
import { ADJECTIVES, MANUFACTURERS, PRODUCT_KINDS, STORES } from './vocabulary.js';

/** The partitions, chosen by position so every catalog has exact, predictable counts (per ten products). */
export const PARTITIONS = {
  in_all: [0, 1, 2, 3, 4, 5], // in Etilize, Xorosoft and Shopify; every third one differs somewhere
  new_in_etilize: [6, 7], // in Etilize and Xorosoft, not yet in Shopify: staged as creates
  unknown_to_xorosoft: [8], // in Etilize only: the import filters it out
  shopify_only: [9], // in Xorosoft and Shopify, absent from the feed
};

/** The kinds of difference between Shopify and the truth, taken in turn by every third in-all product. */
export const DIFFERENCES = ['price', 'description', 'inventory'];

/** Each later day changes the descriptions of one product in this many and adds this share of new products. */
const DAY_CHANGE_EVERY = 7;
const DAY_NEW_SHARE = 0.02;

export const BASE_DATE = '2026-11-01';

export function partitionOf(index) {
  return Object.keys(PARTITIONS).find((name) => PARTITIONS[name].includes(index % 10));
}

/**
 * Generates `products` products for `seed`; `day` > 0 is a later Etilize drop of the same catalog with some
 * descriptions rewritten and a few new products (known to Xorosoft, not to Shopify).
 */
export function generateCatalog({ products = 500, seed = 1, day = 0 } = {}) {
  const items = Array.from({ length: products }, (_, index) => makeProduct(seed, index));
  for (let d = 1; d <= day; d++) {
    items.forEach((item, index) => {
      if (item.partition !== 'shopify_only' && (index + d) % DAY_CHANGE_EVERY === 0) {
        item.descriptionHtml += `\n<p>Updated content, day ${d}: now with a 2-year warranty.</p>`;
        item.changedOnDay = d;
      }
    });
    const added = Math.max(1, Math.round(products * DAY_NEW_SHARE));
    for (let n = 0; n < added; n++) {
      items.push({ ...makeProduct(`${seed}:day${d}`, products + (d - 1) * added + n), partition: 'new_in_etilize', addedOnDay: d });
    }
  }
  return { seed, day, date: dateOf(day), items };
}

function makeProduct(seed, index) {
  const random = createRandom(`${seed}:${index}`);
  const manufacturer = random.pick(MANUFACTURERS);
  const kind = random.pick(PRODUCT_KINDS);
  const spec = random.pick(kind.specs);
  // Unique per product (the index is in it): a feed product known only by its part number must find one item.
  const mpn = `${manufacturer.name.slice(0, 3).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}-${random.int(10, 99)}${String(index).padStart(6, '0')}${random.pick(['', 'A', 'BK', '-12'])}`;
  const title = `${random.pick(ADJECTIVES)} ${kind.noun}, ${spec}`;
  const price = random.money(kind.price[0], kind.price[1]);
  const stock = Object.fromEntries(STORES.map((store) => [store.code, random.chance(0.1) ? 0 : random.int(1, 400)]));
  return {
    index,
    sku: `COS-${String(100000 + index)}`,
    partition: partitionOf(index),
    etilizeProductId: 2000000 + index,
    manufacturer,
    mpn,
    upc: makeUpc(manufacturer.prefix, index),
    category: kind.category,
    title,
    descriptionHtml: describe(random, manufacturer, kind, title),
    images: [{ url: `https://content.etilize.com/Large/${2000000 + index}.jpg`, altText: title }],
    weightLb: random.int(1, 400) / 10,
    price,
    cost: (Number(price) * (0.45 + random.next() * 0.25)).toFixed(2),
    stock,
  };
}

function describe(random, manufacturer, kind, title) {
  const features = [
    `Made by ${manufacturer.name} — quality you can count on™`,
    `Ideal for "everyday" office use, home, and school`,
    random.pick(['Acid-free, archival quality', 'Priced from €9, $10, or £8 abroad', 'Certified by the Forest Stewardship Council®']),
  ];
  const paragraphs = random.int(1, 4);
  const body = Array.from({ length: paragraphs }, () =>
    `<p>${title} keeps your ${kind.category.toLowerCase()} organized, efficient, and "professional-looking".</p>`).join('\n');
  return `${body}\n<ul>\n${features.map((feature) => `  <li>${feature}</li>`).join('\n')}\n</ul>`;
}

function dateOf(day) {
  const date = new Date(`${BASE_DATE}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + day);
  return date.toISOString().slice(0, 10);
}

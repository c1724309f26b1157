import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { generateCatalog } from '../catalog/generate.js';
import { FLAT_HEADER, etilizeZip } from '../catalog/etilize-zip.js';
import { isValidUpc, makeUpc } from '../catalog/upc.js';
import { etilizeItems, shopifyProducts, truthOf, xorosoftItems } from '../catalog/views.js';
import { parseCsv, readZipEntries } from '../testing.js';

describe('catalog generator', () => {
  it('gives byte-identical ZIPs for the same seed, in both layouts', () => {
    for (const layout of ['flat', 'enhanced']) {
      const first = etilizeZip(generateCatalog({ products: 120, seed: 42 }), layout);
      const second = etilizeZip(generateCatalog({ products: 120, seed: 42 }), layout);
      assert.ok(first.equals(second), `${layout} ZIPs differ`);
      assert.ok(!first.equals(etilizeZip(generateCatalog({ products: 120, seed: 43 }), layout)), `${layout} ignores the seed`);
    }
  });

  it('makes valid UPC-A check digits', () => {
    assert.equal(makeUpc(36000, 29145), '036000291452');
    assert.ok(!isValidUpc('036000291453'));
    assert.ok(generateCatalog({ products: 200, seed: 3 }).items.every((item) => isValidUpc(item.upc)));
  });

  it('partitions products consistently across the three systems', () => {
    const catalog = generateCatalog({ products: 100, seed: 5 });
    const truth = truthOf(catalog, 'flat');
    const etilize = new Set(etilizeItems(catalog).map((item) => item.sku));
    const xorosoft = new Set(xorosoftItems(catalog).map((item) => item.sku));
    const shopify = new Set(shopifyProducts(catalog).map((product) => product.sku));

    assert.deepEqual(truth.counts, { in_all: 60, new_in_etilize: 20, unknown_to_xorosoft: 10, shopify_only: 10 });
    for (const [sku, { partition }] of Object.entries(truth.skus)) {
      const where = [etilize.has(sku), xorosoft.has(sku), shopify.has(sku)];
      const expected = { in_all: [true, true, true], new_in_etilize: [true, true, false], unknown_to_xorosoft: [true, false, false], shopify_only: [false, true, true] };
      assert.deepEqual(where, expected[partition], `${sku} (${partition})`);
    }
  });

  it('plants exactly the documented differences in Shopify', () => {
    const truth = truthOf(generateCatalog({ products: 90, seed: 9 }), 'flat');
    const differing = Object.values(truth.skus).filter((entry) => entry.difference);
    assert.equal(differing.length, 18);
    for (const entry of differing) {
      if (entry.difference === 'price') assert.notEqual(entry.shopify.price, entry.xorosoft.price);
      if (entry.difference === 'inventory') assert.notEqual(entry.shopify.inventory_quantity, entry.xorosoft.stock.MAIN);
      if (entry.difference === 'description') assert.notEqual(entry.shopify.description_html, entry.etilize.description_html);
    }
  });

  it('keeps hostile content intact through the flat CSV', () => {
    const catalog = generateCatalog({ products: 60, seed: 11 });
    const [entry] = readZipEntries(etilizeZip(catalog, 'flat'), inflateRawSync);
    const [header, ...rows] = parseCsv(entry.data.toString('utf8'));
    const items = etilizeItems(catalog);

    assert.deepEqual(header, FLAT_HEADER);
    assert.equal(rows.length, items.length);
    rows.forEach((row, index) => {
      assert.equal(row[1], items[index].title);
      assert.equal(row[2], items[index].descriptionHtml);
      assert.equal(row[3], items[index].manufacturer.name);
    });
    const text = rows.map((row) => row.join('|')).join('\n');
    for (const hostile of ['"', ',', '\n', 'é', '®', '™', '€']) assert.ok(text.includes(hostile), `no ${JSON.stringify(hostile)} in the feed`);
  });

  it('writes the Enhanced Content files with skipped inactive and accessory products', () => {
    const catalog = generateCatalog({ products: 200, seed: 2 });
    const entries = Object.fromEntries(readZipEntries(etilizeZip(catalog, 'enhanced'), inflateRawSync).map((e) => [e.name, parseCsv(e.data.toString('utf8'))]));
    const products = entries['EN_US_B_product.csv'];

    assert.deepEqual(Object.keys(entries).sort(), ['EN_US_B_product.csv', 'EN_US_B_productdescriptions.csv', 'EN_US_SKU_productskus.csv', 'EN_US_categorynames.csv', 'G_manufacturer.csv']);
    assert.equal(products[0].length, 10);
    assert.equal(products.filter((row) => row[2] === '0').length, 1);
    assert.equal(products.filter((row) => row[5] === '1').length, 1);
    assert.equal(products.length, etilizeItems(catalog).length + 2);
    assert.equal(entries['EN_US_SKU_productskus.csv'].filter((row) => row[1] === 'UPC').length, products.length);
  });

  it('changes some descriptions and adds products on a later day', () => {
    const day0 = generateCatalog({ products: 100, seed: 1 });
    const day1 = generateCatalog({ products: 100, seed: 1, day: 1 });

    assert.equal(day1.items.length, 102);
    assert.ok(day1.items.filter((item) => item.changedOnDay === 1).length > 5);
    assert.equal(day1.date, '2026-11-02');
    assert.deepEqual(day1.items.slice(0, 100).map((item) => item.price), day0.items.map((item) => item.price));
  });
});

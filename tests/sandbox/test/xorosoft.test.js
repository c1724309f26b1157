import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateCatalog } from '../catalog/generate.js';
import { xorosoftItems } from '../catalog/views.js';
import { startXorosoftSimulator } from '../xorosoft/server.js';

describe('Xorosoft simulator', () => {
  let xorosoft;
  let items;
  const get = (path, auth = `Basic ${Buffer.from('key:secret').toString('base64')}`) =>
    fetch(`${xorosoft.baseUrl}${path}`, { headers: auth ? { Authorization: auth } : {} }).then(async (r) => ({ status: r.status, body: await r.json() }));

  before(async () => {
    items = xorosoftItems(generateCatalog({ products: 250, seed: 4 }));
    xorosoft = await startXorosoftSimulator({ apiKey: 'key', apiSecret: 'secret', items });
  });
  after(() => xorosoft.stop());

  it('refuses requests without the right Basic credentials', async () => {
    assert.equal((await get('/api/xerp/product/getproduct?page=1', null)).status, 401);
    assert.equal((await get('/api/xerp/product/getproduct?page=1', `Basic ${Buffer.from('key:wrong').toString('base64')}`)).status, 401);
  });

  it('answers a product by base part number in the envelope', async () => {
    const { status, body } = await get(`/api/xerp/product/getproduct?base_part_number=${items[0].sku}`);

    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['Data', 'ErrorCode', 'Exceptions', 'Message', 'Page', 'Result', 'TotalPages']);
    assert.equal(body.Result, true);
    assert.equal(body.Data[0].Variants[0].ItemUpc, items[0].upc);
    assert.equal(body.Data[0].Variants[0].StandardUnitPrice, Number(items[0].price));
  });

  it('answers an unknown part with Result false and no data', async () => {
    const { body } = await get('/api/xerp/product/getproduct?base_part_number=NOPE-1');
    assert.equal(body.Result, false);
    assert.deepEqual(body.Data, []);
  });

  it('pages the item listing until Data is empty', async () => {
    const seen = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`/api/xerp/product/getproduct?page=${page}&per_page=50`);
      if (body.Data.length === 0) break;
      assert.equal(body.TotalPages, Math.ceil(items.length / 50));
      seen.push(...body.Data.map((product) => product.BasePartNumber));
    }
    assert.deepEqual(seen, items.map((item) => item.sku));
  });

  it('answers inventory per store', async () => {
    const item = items[3];
    const { body } = await get(`/api/xerp/inventory/getinventorybyitem?item_number=${item.sku}&store=MAIN`);
    assert.deepEqual(body.Data.map((row) => [row.StoreName, row.OnHandQty]), [['MAIN', item.stock.MAIN]]);
    const all = await get(`/api/xerp/inventory/getinventorybyitem?item_number=${item.sku}`);
    assert.equal(all.body.Data.length, 2);
  });

  it('pages every item\'s inventory for the stores asked when no item is named', async () => {
    const seen = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`/api/xerp/inventory/getinventorybyitem?store=MAIN&page=${page}&per_page=100`);
      if (body.Data.length === 0) break;
      seen.push(...body.Data.map((row) => [row.ItemNumber, row.StoreName, row.AvailableQty]));
    }
    assert.deepEqual(seen, items.map((item) => [item.sku, 'MAIN', item.stock.MAIN]));
  });

  it('throttles the fourth concurrent request with Result false', async () => {
    xorosoft.setFaults({ latencyMs: 300 });
    try {
      const answers = await Promise.all(items.slice(0, 4).map((item) => get(`/api/xerp/product/getproduct?base_part_number=${item.sku}`)));
      const throttled = answers.filter(({ body }) => body.Result === false);
      assert.equal(throttled.length, 1);
      assert.equal(throttled[0].status, 200);
      assert.deepEqual(throttled[0].body.Data, []);
      assert.equal(xorosoft.counters().throttled, 1);
    } finally {
      xorosoft.setFaults({ latencyMs: 0 });
    }
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const START = fileURLToPath(new URL('../start.js', import.meta.url));

describe('start.js', () => {
  let child;
  let ready;
  const control = (method, path, body) => fetch(`${ready.control_url}${path}`, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));

  before(async () => {
    child = spawn(process.execPath, [START, '--products', '40', '--seed', '7'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const [line] = await once(createInterface({ input: child.stdout }), 'line');
    ready = JSON.parse(line);
  });
  after(() => { if (child.exitCode === null) child.kill('SIGKILL'); });

  it('prints one ready line naming every system', () => {
    assert.equal(ready.ready, true);
    assert.match(ready.storage.connection_string, /TableEndpoint=http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1;/);
    for (const key of ['host', 'port', 'user', 'password', 'directory', 'root']) assert.ok(ready.ftp[key], `ftp.${key}`);
    for (const key of ['admin_base_url', 'shop_domain', 'api_version', 'access_token', 'client_secret']) assert.ok(ready.shopify[key], `shopify.${key}`);
    for (const key of ['base_url', 'api_key', 'api_secret']) assert.ok(ready.xorosoft[key], `xorosoft.${key}`);
  });

  it('reads and edits a store product through the control API', async () => {
    const truth = (await control('GET', '/truth')).body;
    const sku = Object.keys(truth.skus).find((candidate) => truth.skus[candidate].partition === 'in_all');

    const before = await control('GET', `/shopify/products/${sku}`);
    const edited = await control('POST', `/shopify/products/${sku}/edit`, { title: 'Edited by a merchant' });
    const missing = await control('GET', '/shopify/products/NOPE');

    assert.equal(before.status, 200);
    assert.equal(edited.body.title, 'Edited by a merchant');
    assert.equal(missing.status, 404);
  });

  it('deletes a store product through the control API', async () => {
    const truth = (await control('GET', '/truth')).body;
    const sku = Object.keys(truth.skus).find((candidate) => truth.skus[candidate].partition === 'in_all');
    const before = await control('GET', `/shopify/products/${sku}`);

    const deleted = await control('DELETE', `/shopify/products/${sku}`);
    const after = await control('GET', `/shopify/products/${sku}`);
    const again = await control('DELETE', `/shopify/products/${sku}`);
    await control('POST', '/reset');

    assert.equal(deleted.status, 200);
    assert.equal(deleted.body.id, before.body.admin_graphql_api_id);
    assert.equal(after.status, 404);
    assert.equal(again.status, 404);
  });

  it('counts Xorosoft stock anew through the control API', async () => {
    const truth = (await control('GET', '/truth')).body;
    const sku = Object.keys(truth.skus).find((candidate) => truth.skus[candidate].partition === 'in_all');
    const auth = `Basic ${Buffer.from(`${ready.xorosoft.api_key}:${ready.xorosoft.api_secret}`).toString('base64')}`;
    const stockOf = async () => (await fetch(`${ready.xorosoft.base_url}/api/xerp/inventory/getinventorybyitem?item_number=${sku}&store=MAIN`, { headers: { Authorization: auth } })
      .then((r) => r.json())).Data[0].AvailableQty;

    const counted = await control('POST', `/xorosoft/items/${sku}/stock`, { quantity: 777 });
    const after = await stockOf();
    const unknown = await control('POST', '/xorosoft/items/NOPE/stock', { quantity: 1 });
    const negative = await control('POST', `/xorosoft/items/${sku}/stock`, { quantity: -1 });
    await control('POST', '/reset');

    assert.deepEqual(counted.body, { sku, store: 'MAIN', quantity: 777 });
    assert.equal(after, 777);
    assert.notEqual(await stockOf(), 777);
    assert.equal(unknown.status, 404);
    assert.equal(negative.status, 400);
  });

  it('adds a later Etilize drop, injects faults, counts and resets', async () => {
    const drop = await control('POST', '/etilize/drops', { day: 1 });
    const faults = await control('PUT', '/faults/xorosoft', { throttle: true });
    const auth = `Basic ${Buffer.from(`${ready.xorosoft.api_key}:${ready.xorosoft.api_secret}`).toString('base64')}`;
    const throttled = await fetch(`${ready.xorosoft.base_url}/api/xerp/product/getproduct?page=1`, { headers: { Authorization: auth } }).then((r) => r.json());
    const counters = (await control('GET', '/counters')).body;
    await control('POST', '/reset');
    const afterReset = (await control('GET', '/counters')).body;
    const badDay = await control('POST', '/etilize/drops', { day: 0 });

    assert.deepEqual(drop.body, { file: 'cowans_etilize_20261102.zip', day: 1, products: 41 });
    assert.equal(faults.status, 200);
    assert.equal(throttled.Result, false);
    assert.equal(counters.xorosoft.throttled, 1);
    assert.equal(afterReset.xorosoft.requests, 0);
    assert.equal(badDay.status, 400);
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });
});

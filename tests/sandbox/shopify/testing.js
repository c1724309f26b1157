// Helpers for tests that drive the simulator over HTTP: a small catalog in the generator's shape,
// an Admin GraphQL client, a webhook receiver, and polling.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** `count` products shaped like the catalog generator's, SKUs SKU-0001…, two collections. */
export function sampleProducts(count = 3) {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(4, '0');
    return {
      sku: `SKU-${n}`, title: `Product ${n}`, descriptionHtml: `<p>Product ${n}</p>`, vendor: index % 2 ? 'Acme' : 'Globex',
      productType: 'Stationery', tags: ['sandbox'], status: 'ACTIVE', handle: `product-${n}`, price: `${10 + index}.00`,
      compareAtPrice: null, cost: `${5 + index}.00`, barcode: `0000000${n}`, inventoryQuantity: 10 + index, weightLb: 1.5,
      images: [{ url: `https://cdn.example.com/${n}.png`, altText: `Product ${n}` }], collections: [index % 2 ? 'odd' : 'even'],
    };
  });
}

/** POSTs GraphQL to the simulator; answers { status, body }. `token` overrides the simulator's. */
export function adminClient(simulator) {
  return async (query, variables = {}, { token = simulator.accessToken, version = simulator.apiVersion } = {}) => {
    const headers = { 'Content-Type': 'application/json' };
    if (token !== null) headers['X-Shopify-Access-Token'] = token;
    const response = await fetch(`${simulator.adminBaseUrl}/admin/api/${version}/graphql.json`, {
      method: 'POST', headers, body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  };
}

/** A loopback server recording each POST (headers and raw body); answers `status()` (default 200). */
export async function startWebhookReceiver(status = () => 200) {
  const deliveries = [];
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    deliveries.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
    response.writeHead(status(deliveries.length)).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}/webhooks`,
    deliveries,
    stop: async () => { server.closeAllConnections(); server.close(); await once(server, 'close'); },
  };
}

/** Polls `probe` until it returns a truthy value, or fails after `timeoutMs`. */
export async function eventually(probe, { timeoutMs = 5000, intervalMs = 10 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

// The Xorosoft (XoroERP) simulator: the few REST endpoints the sync uses, with Basic auth, the
// Result/Message/Data/Page/TotalPages envelope, and the reported throttling: more than three requests
// at once are answered Result:false with empty Data (HTTP 200), which clients must treat as "retry".
import { once } from 'node:events';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRandom } from '../catalog/random.js';
import { inventoryRows, xorosoftProduct } from './items.js';

const MAX_CONCURRENT = 3;
const DEFAULT_PER_PAGE = 100;
const MAX_PER_PAGE = 500;

const envelope = (data, { result = true, message = '', page = 1, totalPages = 1 } = {}) =>
  ({ Result: result, Message: message, ErrorCode: result ? null : 'TOO_MANY_REQUESTS', Exceptions: null, Data: data, Page: page, TotalPages: totalPages });

export async function startXorosoftSimulator({ host = '127.0.0.1', port = 0, apiKey, apiSecret, items = [], log = () => {} }) {
  const expectedAuth = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
  const catalog = new Map(items.map((item) => [item.sku, item]));
  const faults = { latencyMs: 0, errorRate: 0, throttle: false };
  const counters = { requests: 0, throttled: 0, errors_injected: 0 };
  const random = createRandom('xorosoft-faults');
  let inFlight = 0;

  const pageOf = (query) => {
    const perPage = Math.min(Number(query.get('per_page') ?? DEFAULT_PER_PAGE), MAX_PER_PAGE);
    const page = Math.max(1, Number(query.get('page') ?? 1));
    const all = [...catalog.values()];
    return { page, slice: all.slice((page - 1) * perPage, page * perPage), totalPages: Math.max(1, Math.ceil(all.length / perPage)) };
  };

  const routes = {
    '/api/xerp/product/getproduct': (query) => {
      const basePart = query.get('base_part_number');
      if (basePart !== null) {
        const item = catalog.get(basePart.trim());
        return item ? envelope([xorosoftProduct(item)]) : envelope([], { result: false, message: `No product found for base part number ${basePart}.` });
      }
      // Without a filter: the paged item listing the sync mirrors (loop until Data is empty).
      const { page, slice, totalPages } = pageOf(query);
      return envelope(slice.map(xorosoftProduct), { page, totalPages });
    },
    '/api/xerp/inventory/getinventorybyitem': (query) => {
      const key = query.get('item_number') ?? query.get('base_part_number');
      const stores = (query.get('store') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (key === null) {
        // Without an item: every item's rows, paged by item like the product listing (loop until Data is empty).
        const { page, slice, totalPages } = pageOf(query);
        return envelope(slice.flatMap((item) => inventoryRows(item, stores)), { page, totalPages });
      }
      const item = catalog.get(key.trim());
      return item ? envelope(inventoryRows(item, stores)) : envelope([], { result: false, message: `No inventory found for ${key}.` });
    },
  };

  const server = createServer(async (request, response) => {
    counters.requests++;
    const url = new URL(request.url, 'http://xorosoft');
    const answer = (status, body) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers.authorization !== expectedAuth) return answer(401, { Message: 'Authorization has been denied for this request.' });
    const route = routes[url.pathname];
    if (!route || request.method !== 'GET') return answer(404, { Message: `No HTTP resource was found that matches ${url.pathname}.` });
    inFlight++;
    try {
      if (inFlight > MAX_CONCURRENT || faults.throttle) {
        counters.throttled++;
        return answer(200, envelope([], { result: false, message: 'Too many concurrent requests. Please retry later.' }));
      }
      if (faults.latencyMs) await sleep(faults.latencyMs);
      if (faults.errorRate && random.chance(faults.errorRate)) {
        counters.errors_injected++;
        return answer(503, { Message: 'Service Unavailable' });
      }
      return answer(200, route(url.searchParams));
    } finally {
      inFlight--;
    }
  });
  server.listen(port, host);
  await once(server, 'listening');
  const baseUrl = `http://${host}:${server.address().port}`;
  log(`xorosoft simulator at ${baseUrl}`);

  return {
    baseUrl, apiKey, apiSecret,
    addItems: (added) => added.forEach((item) => catalog.set(item.sku, item)),
    /** The warehouse counts stock anew: the item's available quantity in one store (MAIN by default); null for an unknown SKU. */
    setStock: (sku, quantity, store = 'MAIN') => {
      const item = catalog.get(sku);
      if (!item) return null;
      if (!Number.isInteger(quantity) || quantity < 0) throw new RangeError('quantity must be a whole number, 0 or more');
      if (!(store in item.stock)) throw new RangeError(`store must be one of ${Object.keys(item.stock).join(', ')}`);
      catalog.set(sku, { ...item, stock: { ...item.stock, [store]: quantity } });
      return { sku, store, quantity };
    },
    setFaults: (settings) => Object.assign(faults, settings),
    counters: () => ({ ...counters }),
    reset: (resetItems = items) => {
      catalog.clear();
      resetItems.forEach((item) => catalog.set(item.sku, item));
      Object.assign(faults, { latencyMs: 0, errorRate: 0, throttle: false });
      Object.keys(counters).forEach((key) => { counters[key] = 0; });
    },
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// The control API: what a test or a curious developer does to the sandbox's systems from outside —
// read, edit or delete store products as a merchant would, count Xorosoft stock anew, drop a later Etilize file, inject faults, read counters,
// reset. JSON in and out.
import { once } from 'node:events';
import { createServer } from 'node:http';

export async function startControlApi({ host = '127.0.0.1', sandbox }) {
  const routes = [
    ['GET', /^\/shopify\/products\/([^/]+)$/, ([sku]) => sandbox.shopify.getProductBySku(sku) ?? notFound(`No Shopify product has SKU ${sku}.`)],
    ['POST', /^\/shopify\/products\/([^/]+)\/edit$/, ([sku], body) => sandbox.shopify.getProductBySku(sku)
      ? sandbox.shopify.editProduct(sku, body)
      : notFound(`No Shopify product has SKU ${sku}.`)],
    ['DELETE', /^\/shopify\/products\/([^/]+)$/, ([sku]) => sandbox.shopify.getProductBySku(sku)
      ? sandbox.shopify.deleteProduct(sku)
      : notFound(`No Shopify product has SKU ${sku}.`)],
    ['POST', /^\/xorosoft\/items\/([^/]+)\/stock$/, ([sku], body) => sandbox.xorosoft.setStock(sku, body.quantity, body.store)
      ?? notFound(`Xorosoft has no item ${sku}.`)],
    ['POST', /^\/etilize\/drops$/, (_, body) => sandbox.addEtilizeDrop(Number(body.day ?? sandbox.latestDay() + 1))],
    ['PUT', /^\/faults\/(shopify|xorosoft|ftp)$/, ([system], body) => sandbox.setFaults(system, body)],
    ['GET', /^\/counters$/, () => sandbox.counters()],
    ['POST', /^\/reset$/, () => sandbox.reset()],
    ['GET', /^\/truth$/, () => sandbox.truth()],
  ];

  const server = createServer(async (request, response) => {
    const answer = (status, body) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    try {
      const path = new URL(request.url, 'http://control').pathname;
      const match = routes.map(([method, pattern, handle]) => [method, path.match(pattern), handle]).find(([method, found]) => found && method === request.method);
      if (!match) return answer(404, { error: `No control route ${request.method} ${path}.` });
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) : {};
      const result = await match[2](match[1].slice(1).map(decodeURIComponent), body);
      return result?.notFound ? answer(404, { error: result.notFound }) : answer(200, result ?? { ok: true });
    } catch (error) {
      return answer(error instanceof SyntaxError || error instanceof RangeError ? 400 : 500, { error: error.message });
    }
  });
  server.listen(0, host);
  await once(server, 'listening');
  return {
    url: `http://${host}:${server.address().port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function notFound(message) {
  return { notFound: message };
}

// The simulator's HTTP front: Shopify's Admin paths on loopback, plus the staged-upload bucket
// and the bulk result files that Shopify serves from Google Cloud Storage.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { INVALID_TOKEN_BODY, NOT_FOUND_BODY } from './errors/shopify.js';

export const STAGED_UPLOADS_PATH = '/staged-uploads';
export const BULK_RESULTS_PATH = '/bulk-operation-results';
const FAILURE_BODIES = { 502: { errors: 'Bad Gateway' }, 503: { errors: 'Service Unavailable' } };

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function send(response, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = typeof body === 'string' ? 'application/xml' : 'application/json; charset=utf-8';
  response.writeHead(status, { 'Content-Type': contentType, ...headers });
  response.end(text);
}

function parseJson(buffer) {
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return null;
  }
}

/** OAuth parameters arrive as a form (what Shopify documents) or as JSON. */
function parseGrant(buffer, contentType) {
  if (contentType?.includes('application/json')) return parseJson(buffer) ?? {};
  return Object.fromEntries(new URLSearchParams(buffer.toString('utf8')));
}

/** `simulator` supplies, at request time: apiVersion, shopDomain, tokens, faults, counters, uploads, bulk, answer(), log(). */
export function createSimulatorServer(simulator) {
  const graphqlPath = /^\/admin\/api\/([^/]+)\/graphql\.json$/;

  async function route(request, response) {
    const { apiVersion, tokens, faults, counters, uploads, bulk } = simulator;
    const { pathname } = new URL(request.url, 'http://localhost');
    if (request.method === 'GET' && (pathname === '/' || pathname === '/health')) {
      send(response, 200, { status: 'ok', shopDomain: simulator.shopDomain, apiVersion });
      return;
    }
    counters.requests += 1;
    await faults.delay();
    const version = graphqlPath.exec(pathname)?.[1];
    const isAdminApi = version !== undefined || pathname === '/admin/oauth/access_token';
    const failure = isAdminApi && request.method === 'POST' ? faults.failure() : null;
    if (failure) {
      counters.errors_injected += 1;
      send(response, failure, FAILURE_BODIES[failure]);
      return;
    }
    if (request.method === 'POST' && pathname === '/admin/oauth/access_token') {
      const { status, body } = tokens.grant(parseGrant(await readBody(request), request.headers['content-type']));
      send(response, status, body);
      return;
    }
    if (request.method === 'POST' && version !== undefined) {
      if (version !== apiVersion) { send(response, 404, NOT_FOUND_BODY); return; }
      if (!tokens.isValid(request.headers['x-shopify-access-token'])) { send(response, 401, INVALID_TOKEN_BODY); return; }
      const raw = await readBody(request);
      const isRawQuery = request.headers['content-type']?.includes('application/graphql');
      const { status, body } = await simulator.answer(isRawQuery ? { query: raw.toString('utf8') } : parseJson(raw));
      send(response, status, body, { 'X-Shopify-API-Version': apiVersion, 'X-Request-Id': randomUUID() });
      return;
    }
    if (request.method === 'POST' && pathname === STAGED_UPLOADS_PATH) {
      const { status, body } = uploads.receive(await readBody(request), request.headers['content-type']);
      send(response, status, body);
      return;
    }
    const resultFile = request.method === 'GET' && pathname.startsWith(`${BULK_RESULTS_PATH}/`)
      ? bulk.resultFile(pathname.slice(BULK_RESULTS_PATH.length + 1)) : undefined;
    if (resultFile) {
      response.writeHead(200, { 'Content-Type': 'application/jsonl', 'Content-Length': resultFile.length });
      response.end(resultFile);
      return;
    }
    send(response, 404, NOT_FOUND_BODY);
  }

  return createServer((request, response) => {
    route(request, response).catch((error) => {
      simulator.log(`shopify: ${request.method} ${request.url} failed: ${error.stack}`);
      if (!response.headersSent) send(response, 500, { errors: 'Internal Server Error' });
      else response.destroy(error);
    });
  });
}

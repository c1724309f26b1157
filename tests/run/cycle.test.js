// scripts/run/cycle.mjs against a scripted API: its exit code is ./run.sh --once's, so each outcome of the import and
// the push must map to it. The API is scripted because the outcomes that matter most (a push completed with errors, a
// missing push endpoint) are faults the sandbox does not produce on demand; run-once.test.js covers the real app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'run', 'cycle.mjs');
const KEY = 'test-key';

// An API whose import start, push start and push run end as told; each run is running on its first read.
function scriptedApi({ importStart = 202, importEnd = 'awaiting_approval', pushStart = 202, pushEnd = 'completed' }) {
  const reads = new Map();
  const requests = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, body: body ? JSON.parse(body) : null });
      const send = (status, value) => { response.writeHead(status, { 'content-type': 'application/json' }); response.end(JSON.stringify(value)); };
      if (request.headers.authorization !== `Bearer ${KEY}`) return send(401, { error: 'unauthorized' });
      const read = (id) => { reads.set(id, (reads.get(id) ?? 0) + 1); return reads.get(id) > 1; };
      switch (`${request.method} ${request.url.split('?')[0]}`) {
        case 'POST /api/etilize/sync/start':
          return importStart === 202 ? send(202, { job_id: 'import-1' }) : send(importStart, { error: 'No new Etilize file' });
        case 'GET /api/runs/import-1':
          return send(200, { run_id: 'import-1', status: read('import-1') ? importEnd : 'running', phase: 'validate', progress: { total: 10, processed: 10, percent: 100 }, counters: { total_rows: 10, auto_approved: 4 } });
        case 'POST /api/sync/shopify/push':
          return pushStart === 202 ? send(202, { batch_id: 'push-1', status: 'pending', status_url: '/api/runs/push-1' }) : send(pushStart, { error: 'Not found.' });
        case 'GET /api/runs/push-1': {
          const done = read('push-1');
          const failed = done && pushEnd !== 'completed' ? 1 : 0;
          if (pushEnd === 'stuck') return send(200, { run_id: 'push-1', kind: 'shopify_push', status: 'running', phase: 'push', updated_at: '2026-12-01T14:17:00Z', counters: { total: 4 } });
          return send(200, { run_id: 'push-1', kind: 'shopify_push', status: done ? pushEnd : 'running', phase: 'apply', counters: { total: 4, applied: done ? 4 - failed : 1, failed, conflicts: 0, skipped: 0 }, errors: failed ? ['SKU-1: price rejected'] : [] });
        }
        default:
          return send(404, { error: 'Not found.' });
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/api`, requests, close: () => server.close() }));
  });
}

async function cycle(outcomes) {
  const api = await scriptedApi(outcomes);
  try {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, RUN_API: api.url, Auth__BootstrapAdminKey: KEY, RUN_ADMIN_KEY_SHOWN: KEY, RUN_ONCE: 'true', RUN_POLL_SECONDS: '0.05', RUN_STALL_SECONDS: '0.5' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const code = await new Promise((resolve) => { child.on('close', resolve); });
    return { code, output, requests: api.requests };
  } finally {
    api.close();
  }
}

describe('run.sh cycle', () => {
  it('exits 0 after an import awaiting approval and a completed push of that import', async () => {
    const result = await cycle({});

    assert.equal(result.code, 0, result.output);
    assert.deepEqual(result.requests.find((request) => request.url === '/api/sync/shopify/push').body, { batch_id: 'import-1', confirm: true });
    assert.match(result.output, /Push push-1: completed\n\s+total\s+4\n\s+applied\s+4\n\s+failed\s+0\n\s+conflicts\s+0/);
    assert.match(result.output, /The cycle succeeded\./);
  });

  it('exits 1 with the counts when the push completed with errors', async () => {
    const result = await cycle({ pushEnd: 'completed_with_errors' });

    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /SKU-1: price rejected/);
    assert.match(result.output, /The cycle failed: The push completed with errors: 1 failed, 0 conflicts\./);
  });

  it('exits 1 naming the endpoint when the push endpoint answers 404', async () => {
    const result = await cycle({ pushStart: 404 });

    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /POST \/api\/sync\/shopify\/push answered 404/);
  });

  it('exits 1 without pushing when the import failed', async () => {
    const result = await cycle({ importEnd: 'failed' });

    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /The import ended failed/);
    assert.equal(result.requests.some((request) => request.url === '/api/sync/shopify/push'), false);
  });

  it('exits 1 naming the run when the push run stops moving', async () => {
    const result = await cycle({ pushEnd: 'stuck' });

    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /Run push-1 has not moved for \d+ s \(running, push\)/);
  });

  it('exits 3 when there is no new Etilize file', async () => {
    const result = await cycle({ importStart: 409 });

    assert.equal(result.code, 3, result.output);
    assert.match(result.output, /Nothing imported: No new Etilize file/);
  });
});

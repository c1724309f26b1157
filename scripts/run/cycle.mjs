// One cycle of ./run.sh against the running app: import the newest Etilize ZIP into staged changes, print the summary,
// push the approved changes (auto-approved ones included) to Shopify, print the results; then, unless RUN_ONCE=true,
// how to explore the API.
//
// Environment: RUN_API (the API's base URL, …/api), Auth__BootstrapAdminKey (the key it calls with), RUN_ADMIN_KEY_SHOWN
// (the key as the explore section prints it), RUN_ONCE, RUN_POLL_SECONDS (default 2), RUN_STALL_SECONDS (default 600: a
// run whose progress and updated_at stay the same that long fails the cycle).
// Exit codes: 0 the import ended awaiting_approval or completed and the push completed; 3 no new Etilize file to
// import; 1 anything else (the reason is printed).
import { createApi, CycleFailure } from './api.mjs';
import { printExplore } from './explore.mjs';

const api = createApi(process.env.RUN_API, process.env.Auth__BootstrapAdminKey);
const pollMilliseconds = Number(process.env.RUN_POLL_SECONDS ?? '2') * 1000;
const stallMilliseconds = Number(process.env.RUN_STALL_SECONDS ?? '600') * 1000;
const sleep = (milliseconds) => new Promise((resolve) => { setTimeout(resolve, milliseconds); });

const describe = (response) => `HTTP ${response.status}${response.body?.error ? `: ${response.body.error}` : ''}`;

// Polls a run until it leaves pending/running, printing its progress whenever it moves (and every 30 s regardless). A run
// that stops moving — a step failing on every delivery ends in the poison queue, not necessarily in a failed run — fails
// the cycle after RUN_STALL_SECONDS instead of keeping --once waiting for ever.
async function follow(runId, unit, progressOf) {
  let last = '';
  let lastUpdate = '';
  let lastMoved = Date.now();
  let lastPrinted = 0;
  for (;;) {
    const response = await api.get(`/runs/${encodeURIComponent(runId)}`);
    if (response.status !== 200) throw new CycleFailure(`Reading run ${runId} failed: ${describe(response)}`);
    const run = response.body;
    const { processed, total, percent } = progressOf(run);
    const line = `  ${run.phase ?? run.status}: ${processed} of ${total} ${unit}${percent === undefined ? '' : ` (${percent} %)`}`;
    const now = Date.now();
    if (line !== last || run.updated_at !== lastUpdate) lastMoved = now;
    if (line !== last || now - lastPrinted >= 30_000) {
      const still = line === last ? ` (no change for ${Math.round((now - lastMoved) / 1000)} s)` : '';
      process.stdout.write(`${line}${still}\n`);
      last = line;
      lastPrinted = now;
    }
    lastUpdate = run.updated_at;
    if (run.status !== 'pending' && run.status !== 'running') return run;
    if (now - lastMoved > stallMilliseconds) {
      throw new CycleFailure(`Run ${runId} has not moved for ${Math.round((now - lastMoved) / 1000)} s (${run.status}, ${run.phase}): `
        + `see .run/app.log; once the cause is fixed, POST /api/runs/${runId}/cancel and start again, or /redrive a failed run.`);
    }
    await sleep(pollMilliseconds);
  }
}

function printRun(title, run, names) {
  process.stdout.write(`${title} ${run.run_id}: ${run.status}${run.last_error ? ` (${run.last_error})` : ''}\n`);
  const counters = run.counters ?? {};
  for (const name of names ?? Object.keys(counters)) process.stdout.write(`  ${name.padEnd(18)} ${counters[name] ?? 0}\n`);
  for (const error of (run.errors ?? []).slice(0, 10)) process.stdout.write(`  ! ${error}\n`);
}

async function importCatalog() {
  process.stdout.write('Importing the newest Etilize catalog file...\n');
  const started = await api.post('/etilize/sync/start', {});
  if (started.status === 409) throw new CycleFailure(`Nothing imported: ${started.body?.error ?? 'no new Etilize file'}`, 3);
  if (started.status !== 202 || !started.body?.job_id) throw new CycleFailure(`The import did not start: ${describe(started)}`);
  const run = await follow(started.body.job_id, 'rows', (r) => r.progress);
  printRun('Import', run);
  if (run.status !== 'awaiting_approval' && run.status !== 'completed') {
    throw new CycleFailure(`The import ended ${run.status}${run.last_error ? `: ${run.last_error}` : ''}; nothing pushed.`);
  }
  return run;
}

async function pushApproved(importRun) {
  process.stdout.write(`Pushing the approved changes of ${importRun.run_id} to Shopify...\n`);
  const started = await api.post('/sync/shopify/push', { batch_id: importRun.run_id, confirm: true });
  if (started.status === 404) {
    throw new CycleFailure(`POST /api/sync/shopify/push answered 404 (${started.body?.error ?? 'no such route'}): `
      + 'this build of the app has no push endpoint, or does not know the import run.');
  }
  if (started.status !== 202 || !started.body?.batch_id) throw new CycleFailure(`The push did not start: ${describe(started)}`);
  const run = await follow(started.body.batch_id, 'changes', (r) => (r.counters?.total === undefined
    ? r.progress
    : { processed: ['applied', 'failed', 'conflicts', 'skipped'].reduce((sum, name) => sum + (r.counters[name] ?? 0), 0), total: r.counters.total }));
  printRun('Push', run, ['total', 'applied', 'failed', 'conflicts', 'skipped']);
  if (run.status === 'completed_with_errors') {
    throw new CycleFailure(`The push completed with errors: ${run.counters?.failed ?? 0} failed, ${run.counters?.conflicts ?? 0} conflicts.`);
  }
  if (run.status !== 'completed') throw new CycleFailure(`The push ended ${run.status}${run.last_error ? `: ${run.last_error}` : ''}.`);
  return run;
}

let exitCode = 0;
let importRun = null;
let pushRun = null;
try {
  importRun = await importCatalog();
  pushRun = await pushApproved(importRun);
  process.stdout.write('The cycle succeeded.\n');
} catch (error) {
  if (!(error instanceof CycleFailure)) throw error;
  process.stdout.write(`The cycle failed: ${error.message}\n`);
  exitCode = error.exitCode;
}
if (process.env.RUN_ONCE !== 'true') await printExplore(api, process.env.RUN_ADMIN_KEY_SHOWN, importRun, pushRun);
process.exit(exitCode);

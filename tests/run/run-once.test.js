// `./run.sh --once` on a fresh clone: installs, builds, imports the sandbox's catalog, pushes the approved changes and
// exits 0, leaving no process behind. The clone is of the committed HEAD — what a fresh clone gets — so uncommitted
// changes are not part of this test. RUN_ONCE_TEST_PRODUCTS (default 100) sizes the sandbox's catalog;
// SKIP_RUN_ONCE_TEST=1 skips it (about 3 minutes, most of it npm ci and the first dotnet build).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = 15 * 60_000;

// The environment of a machine with nothing configured, so that every system is the sandbox's.
function sandboxOnlyEnvironment(products) {
  const environment = { ...process.env, SANDBOX_PRODUCTS: products };
  for (const name of Object.keys(environment)) {
    if (/^(SyncStorage|Etilize__|Xorosoft__|Shopify__|Auth__|Functions__Worker__HostEndpoint|Durable__|ASPNETCORE_URLS)/.test(name)) delete environment[name];
  }
  return environment;
}

function run(command, args, options) {
  return new Promise((resolve) => {
    // Its own process group, so that a timeout can stop the script and everything it started.
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGTERM'), TIMEOUT_MS - 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

const processesUnder = (directory) => execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
  .split('\n').filter((line) => line.includes(directory));

describe('run.sh --once', () => {
  const skip = process.env.SKIP_RUN_ONCE_TEST === '1' && 'SKIP_RUN_ONCE_TEST=1';
  it('exits 0 on a fresh clone after importing and pushing, leaving no process behind', { timeout: TIMEOUT_MS, skip }, async () => {
    // Arrange
    const clone = mkdtempSync(join(tmpdir(), 'cowans-run-once-'));
    try {
      const head = execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone]);
      execFileSync('git', ['-C', clone, 'checkout', '--quiet', head]);
      const started = Date.now();

      // Act
      const result = await run('./run.sh', ['--once'], { cwd: clone, env: sandboxOnlyEnvironment(process.env.RUN_ONCE_TEST_PRODUCTS ?? '100') });

      // Assert
      process.stdout.write(`# ./run.sh --once on a fresh clone took ${Math.round((Date.now() - started) / 1000)} s\n`);
      assert.equal(result.code, 0, `./run.sh --once exited ${result.code ?? result.signal}:\n${result.output}`);
      assert.match(result.output, /Import import-\S+: (awaiting_approval|completed)/);
      assert.match(result.output, /Push \S+: completed\n/);
      assert.match(result.output, /The cycle succeeded\./);
      assert.deepEqual(processesUnder(clone), [], 'processes left running after ./run.sh --once');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

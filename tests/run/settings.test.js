// scripts/run/settings.mjs: which systems ./run.sh takes as real (environment or local.settings.json) and what it
// exports for the sandboxed ones.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'run', 'settings.mjs');
const READY = {
  storage: { connection_string: 'sandbox-storage' },
  ftp: { host: '127.0.0.1', port: 2121, user: 'etilize', password: "it's-secret", directory: '/' },
  xorosoft: { base_url: 'http://127.0.0.1:1/', api_key: 'k', api_secret: 's' },
  shopify: { shop_domain: 'sandbox.myshopify.com', admin_base_url: 'http://127.0.0.1:2', api_version: '2026-10', access_token: 't', client_secret: 'c' },
  control_url: 'http://127.0.0.1:3',
};

let directory;
beforeEach(() => { directory = mkdtempSync(join(tmpdir(), 'run-settings-')); });
afterEach(() => { rmSync(directory, { recursive: true, force: true }); });

function settings(args, { environment = {}, file } = {}) {
  if (file !== undefined) writeFileSync(join(directory, 'local.settings.json'), typeof file === 'string' ? file : JSON.stringify({ Values: file }));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(SyncStorage|Etilize__|Xorosoft__|Shopify__|Auth__)/.test(name)));
  return spawnSync(process.execPath, [script, ...args], { cwd: directory, env: { ...clean, ...environment }, encoding: 'utf8' });
}

describe('run.sh settings', () => {
  it('takes every system from the sandbox when nothing is configured', () => {
    const result = settings(['plan']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'sandbox_needed=true\n');
    assert.equal(result.stderr.match(/ sandbox\n/g).length, 4);
  });

  it('takes a system as real when its key setting is in the environment or in local.settings.json', () => {
    const result = settings(['plan'], { environment: { Xorosoft__BaseUrl: 'https://res.xorosoft.io' }, file: { SyncStorage: 'UseDevelopmentStorage=true', Etilize__Host: '' } });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Azure Storage\s+real \(SyncStorage\)/);
    assert.match(result.stderr, /Etilize FTP\s+sandbox/);
    assert.match(result.stderr, /Xorosoft\s+real \(Xorosoft__BaseUrl\)/);
    assert.match(result.stderr, /Shopify\s+sandbox/);
  });

  it('needs no sandbox when every system is configured', () => {
    const result = settings(['plan'], { file: { SyncStorage__accountName: 'cowans', Etilize__Host: 'ftp.etilize.com', Xorosoft__BaseUrl: 'https://res.xorosoft.io', Shopify__ShopDomain: 'cowans.myshopify.com' } });

    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'sandbox_needed=false\n');
  });

  it('refuses a real Shopify fed by a sandboxed Etilize or Xorosoft, naming the setting', () => {
    const result = settings(['plan'], { environment: { Shopify__ShopDomain: 'cowans.myshopify.com', Etilize__Host: 'ftp.etilize.com' } });

    assert.equal(result.status, 2);
    assert.match(result.stderr, /Shopify__ShopDomain/);
    assert.equal(result.stdout, '');
  });

  it('refuses a local.settings.json that is not JSON, naming the file', () => {
    const result = settings(['plan'], { file: '{"Values": {' });

    assert.equal(result.status, 2);
    assert.match(result.stderr, /local\.settings\.json is not valid JSON/);
  });

  it('exports the sandbox\'s settings only for the sandboxed systems, and does not show a configured key', () => {
    writeFileSync(join(directory, 'ready.json'), JSON.stringify(READY));

    const result = settings(['exports', 'ready.json'], { environment: { Shopify__ShopDomain: '' }, file: { Etilize__Host: 'ftp.etilize.com', Auth__BootstrapAdminKey: 'configured-key-of-32-characters-or-more' } });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^export SyncStorage='sandbox-storage'$/m);
    assert.match(result.stdout, /^export Shopify__ShopDomain='sandbox\.myshopify\.com'$/m);
    assert.match(result.stdout, /^export Xorosoft__BaseUrl='http:\/\/127\.0\.0\.1:1\/'$/m);
    assert.doesNotMatch(result.stdout, /Etilize__/);
    assert.match(result.stdout, /^export Auth__BootstrapAdminKey='configured-key-of-32-characters-or-more'$/m);
    assert.match(result.stdout, /^export RUN_ADMIN_KEY_SHOWN='<your Auth__BootstrapAdminKey>'$/m);
  });

  it('generates and shows a key when none is configured, quoting values for the shell', () => {
    writeFileSync(join(directory, 'ready.json'), JSON.stringify(READY));

    const result = settings(['exports', 'ready.json']);

    assert.equal(result.status, 0, result.stderr);
    const key = result.stdout.match(/^export Auth__BootstrapAdminKey='([\w-]{43})'$/m)?.[1];
    assert.ok(key, result.stdout);
    assert.match(result.stdout, new RegExp(`^export RUN_ADMIN_KEY_SHOWN='${key}'$`, 'm'));
    assert.match(result.stdout, /^export Etilize__Password='it'\\''s-secret'$/m);
  });
});

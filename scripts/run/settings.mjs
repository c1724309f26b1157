// Decides, per system, whether ./run.sh uses the real one or the sandbox's stand-in, and prints the shell lines that
// configure the app accordingly.
//
//   node scripts/run/settings.mjs plan                  prints `sandbox_needed=true|false` (and, on stderr, which systems are real)
//   node scripts/run/settings.mjs exports [ready.json]  prints `export NAME='value'` for every sandboxed system (from the
//                                                       sandbox's ready line) and for Auth__BootstrapAdminKey
//
// A system is real when its key setting is set (non-empty) in the environment or in local.settings.json's `Values`,
// the same two places the app reads, with the environment winning. The app then reads that system's other settings
// from there itself; this script only supplies the sandbox's endpoints for the systems left unconfigured.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const SETTINGS_FILE = 'local.settings.json';

const SYSTEMS = [
  {
    name: 'storage',
    label: 'Azure Storage',
    keys: ['SyncStorage', 'SyncStorage__accountName', 'SyncStorage__blobServiceUri'],
    sandbox: (ready) => ({ SyncStorage: ready.storage.connection_string }),
  },
  {
    name: 'etilize',
    label: 'Etilize FTP',
    keys: ['Etilize__Host'],
    sandbox: (ready) => ({
      Etilize__Host: ready.ftp.host, Etilize__Port: ready.ftp.port, Etilize__User: ready.ftp.user,
      Etilize__Password: ready.ftp.password, Etilize__Directory: ready.ftp.directory,
    }),
  },
  {
    name: 'xorosoft',
    label: 'Xorosoft',
    keys: ['Xorosoft__BaseUrl'],
    sandbox: (ready) => ({
      Xorosoft__BaseUrl: ready.xorosoft.base_url, Xorosoft__ApiKey: ready.xorosoft.api_key,
      Xorosoft__ApiSecret: ready.xorosoft.api_secret,
    }),
  },
  {
    name: 'shopify',
    label: 'Shopify',
    keys: ['Shopify__ShopDomain'],
    sandbox: (ready) => ({
      Shopify__ShopDomain: ready.shopify.shop_domain, Shopify__AdminBaseUrl: ready.shopify.admin_base_url,
      Shopify__ApiVersion: ready.shopify.api_version, Shopify__AccessToken: ready.shopify.access_token,
      Shopify__WebhookSecret: ready.shopify.client_secret, SANDBOX_CONTROL_URL: ready.control_url,
    }),
  },
];

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function fileValues() {
  if (!existsSync(SETTINGS_FILE)) return {};
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(SETTINGS_FILE, 'utf8'));
  } catch (error) {
    fail(`${SETTINGS_FILE} is not valid JSON: ${error.message}`);
  }
  const values = parsed?.Values ?? {};
  if (typeof values !== 'object' || Array.isArray(values)) fail(`${SETTINGS_FILE}: "Values" must be an object of settings`);
  return values;
}

const file = fileValues();
const setting = (name) => {
  const value = process.env[name] ?? file[name];
  return value === undefined || value === null || String(value).trim() === '' ? null : String(value);
};
const isReal = (system) => system.keys.some((key) => setting(key) !== null);
const real = new Set(SYSTEMS.filter(isReal).map((system) => system.name));

// The sandbox's catalog and ERP are generated: pushing what they produce to a real store would create made-up products
// there, so a real Shopify is only fed from a real Etilize and a real Xorosoft.
if (real.has('shopify') && !(real.has('etilize') && real.has('xorosoft'))) {
  fail('Shopify is configured (Shopify__ShopDomain) but Etilize or Xorosoft is not: ./run.sh would push the sandbox\'s '
    + 'generated catalog to the real store. Configure Etilize__* and Xorosoft__* too, or unset Shopify__ShopDomain.');
}

const quote = (value) => `'${String(value).replaceAll("'", "'\\''")}'`;
const [command, readyFile] = process.argv.slice(2);

if (command === 'plan') {
  for (const system of SYSTEMS) {
    const source = real.has(system.name) ? `real (${system.keys.find((key) => setting(key) !== null)})` : 'sandbox';
    process.stderr.write(`  ${system.label.padEnd(14)} ${source}\n`);
  }
  process.stdout.write(`sandbox_needed=${real.size < SYSTEMS.length}\n`);
} else if (command === 'exports') {
  const ready = readyFile ? JSON.parse(readFileSync(readyFile, 'utf8')) : null;
  const exports = {};
  for (const system of SYSTEMS.filter((candidate) => !real.has(candidate.name))) {
    if (!ready) fail(`${system.label} needs the sandbox, but no sandbox ready file was given`);
    Object.assign(exports, system.sandbox(ready));
  }
  const configuredKey = setting('Auth__BootstrapAdminKey');
  exports.Auth__BootstrapAdminKey = configuredKey ?? randomBytes(32).toString('base64url');
  // A configured key is a real secret: the summary then names the setting instead of printing it.
  exports.RUN_ADMIN_KEY_SHOWN = configuredKey ? '<your Auth__BootstrapAdminKey>' : exports.Auth__BootstrapAdminKey;
  for (const [name, value] of Object.entries(exports)) process.stdout.write(`export ${name}=${quote(value)}\n`);
} else {
  fail('usage: node scripts/run/settings.mjs plan | exports [sandbox-ready.json]');
}

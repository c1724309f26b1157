#!/usr/bin/env node
// Starts the sandbox and prints one JSON line on stdout when every system is ready; logs go to stderr.
// Runs until SIGINT or SIGTERM, then stops everything it started.
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox.js';

const HELP = `usage: node tests/sandbox/start.js [options]

Starts on 127.0.0.1, on free ports: Azurite (in memory), an FTP server holding a generated Etilize ZIP,
the Shopify Admin GraphQL simulator, the Xorosoft simulator and a control API; then prints one JSON line
with their endpoints and credentials.

  --products N            products in the generated catalog (default 500)
  --seed S                generator seed; the same seed gives the same catalog and ZIP (default 1)
  --layout flat|enhanced  Etilize ZIP layout: one CSV with a header, or Enhanced Content files (default flat)
  --data DIR              also write the catalog's truth (partitions, expected values) to DIR/truth.json
  --help                  this text
`;

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    layout: { type: 'string', default: 'flat' },
    data: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const products = Number(values.products);
if (!Number.isInteger(products) || products < 1) {
  process.stderr.write(`--products must be a whole number ≥ 1, not ${values.products}\n`);
  process.exit(2);
}

const log = (line) => process.stderr.write(`${line}\n`);
try {
  const { stop, ...ready } = await startSandbox({ products, seed: values.seed, layout: values.layout, data: values.data ?? null, log });
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  const shutdown = async (signal) => {
    log(`${signal}: stopping the sandbox`);
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  log(`sandbox failed to start: ${error.message}`);
  process.exit(1);
}

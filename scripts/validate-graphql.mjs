#!/usr/bin/env node
// Validates the app's GraphQL documents against Shopify's official Admin schema for the pinned API
// version, so a misspelt field fails here rather than in production. Usage:
//   node scripts/validate-graphql.mjs [directory]   (default: functions/Shopify/Documents)
// Documents named *.bulk.graphql (bulk operation queries) are also held to Shopify's bulk query rules (the sandbox's statement of them).
// Prints one line per document; exits 1 if any is invalid or none is found.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { buildClientSchema, parse, validate } from 'graphql';
import { bulkQueryProblem } from '../tests/sandbox/shopify/bulk/query-rules.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const directory = resolve(process.argv[2] ?? join(root, 'functions', 'Shopify', 'Documents'));

/** The version pinned as ShopifyOptions.ApiVersion's default, read from the C# source so the two cannot drift. */
async function pinnedApiVersion() {
  const source = await readFile(join(root, 'functions', 'Settings', 'ShopifyOptions.cs'), 'utf8');
  const version = /string ApiVersion \{ get; set; \} = "([^"]+)"/.exec(source)?.[1];
  if (!version) throw new Error('No default ApiVersion found in functions/Settings/ShopifyOptions.cs.');
  return version;
}

async function loadSchema(apiVersion) {
  const file = join(root, 'node_modules', '@shopify', 'dev-mcp', 'dist', 'data', `admin_${apiVersion}.json.gz`);
  const introspection = JSON.parse(await promisify(gunzip)(await readFile(file)));
  return buildClientSchema(introspection.data);
}

function problemsOf(schema, name, text) {
  let problems;
  try {
    problems = validate(schema, parse(text)).map((error) => error.message);
  } catch (syntaxError) {
    return [syntaxError.message];
  }
  const bulkProblem = problems.length === 0 && name.endsWith('.bulk.graphql') ? bulkQueryProblem(schema, text) : null;
  return bulkProblem ? [bulkProblem] : problems;
}

const apiVersion = await pinnedApiVersion();
const schema = await loadSchema(apiVersion);
const files = (await readdir(directory)).filter((name) => name.endsWith('.graphql')).sort();
let invalid = 0;
for (const name of files) {
  const problems = problemsOf(schema, name, await readFile(join(directory, name), 'utf8'));
  invalid += problems.length ? 1 : 0;
  console.log(problems.length ? `INVALID ${name}: ${problems.join(' | ')}` : `ok ${name} (Admin ${apiVersion})`);
}
if (files.length === 0) console.log(`No .graphql documents in ${directory}.`);
process.exitCode = invalid > 0 || files.length === 0 ? 1 : 0;

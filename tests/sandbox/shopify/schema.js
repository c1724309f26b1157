// Shopify's official Admin GraphQL schema, as published in @shopify/dev-mcp's introspection dumps.
// Building it is the slowest thing the simulator does (~0.5 s), so each version is built once per
// process and shared by every simulator instance; nothing here mutates the schema.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { buildClientSchema } from 'graphql';

const builtSchemas = new Map();

/** Where @shopify/dev-mcp keeps its schema dumps (the package exports no subpath for them). */
function schemaFile(apiVersion) {
  const entry = fileURLToPath(import.meta.resolve('@shopify/dev-mcp'));
  return join(dirname(entry), 'data', `admin_${apiVersion}.json.gz`);
}

async function buildSchema(apiVersion) {
  const compressed = await readFile(schemaFile(apiVersion));
  const introspection = JSON.parse(await promisify(gunzip)(compressed));
  return buildClientSchema(introspection.data);
}

/** The Admin schema for `apiVersion` (e.g. "2026-10"), built on first use. */
export function loadAdminSchema(apiVersion) {
  if (!builtSchemas.has(apiVersion)) {
    const building = buildSchema(apiVersion);
    building.catch(() => builtSchemas.delete(apiVersion));
    builtSchemas.set(apiVersion, building);
  }
  return builtSchemas.get(apiVersion);
}

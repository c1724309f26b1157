// scripts/validate-graphql.mjs passes the app's documents and rejects one with a field Shopify lacks.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const script = fileURLToPath(new URL('../../scripts/validate-graphql.mjs', import.meta.url));
const run = (...args) => promisify(execFile)(process.execPath, [script, ...args]).then(
  ({ stdout }) => ({ code: 0, stdout }),
  (error) => ({ code: error.code, stdout: error.stdout }));

describe('validate-graphql', () => {
  let directory;
  before(async () => { directory = await mkdtemp(join(tmpdir(), 'graphql-docs-')); });
  after(async () => { await rm(directory, { recursive: true, force: true }); });

  it('accepts the app documents', async () => {
    const { code, stdout } = await run();
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^ok FindProducts\.graphql/m);
    assert.match(stdout, /^ok ExportProducts\.bulk\.graphql/m);
  });

  it('rejects a document with a field the schema lacks, naming it', async () => {
    await writeFile(join(directory, 'Good.graphql'), 'query Good { shop { name } }');
    await writeFile(join(directory, 'Bad.graphql'), 'query Bad { products(first: 1) { nodes { colour } } }');
    const { code, stdout } = await run(directory);
    assert.equal(code, 1);
    assert.match(stdout, /^INVALID Bad\.graphql: .*colour/m);
    assert.match(stdout, /^ok Good\.graphql/m);
  });

  it('holds *.bulk.graphql documents to the bulk query rules', async () => {
    const bulk = await mkdtemp(join(tmpdir(), 'graphql-bulk-'));
    try {
      await writeFile(join(bulk, 'Nested.bulk.graphql'), 'query Nested { products { edges { node { title variants { edges { node { sku } } } } } } }');
      await writeFile(join(bulk, 'Plain.graphql'), 'query Plain { products(first: 1) { nodes { title variants(first: 1) { nodes { sku } } } } }');
      const { code, stdout } = await run(bulk);
      assert.equal(code, 1);
      assert.match(stdout, /^INVALID Nested\.bulk\.graphql: .*must select the 'id' field/m);
      assert.match(stdout, /^ok Plain\.graphql/m);
    } finally {
      await rm(bulk, { recursive: true, force: true });
    }
  });

  it('rejects a document that does not parse', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'graphql-broken-'));
    try {
      await writeFile(join(broken, 'Broken.graphql'), 'query { shop { name }');
      const { code, stdout } = await run(broken);
      assert.equal(code, 1);
      assert.match(stdout, /^INVALID Broken\.graphql/m);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});

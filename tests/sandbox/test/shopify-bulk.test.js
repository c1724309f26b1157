// Bulk operations: a query's whole result as JSONL, a mutation run per line of a staged upload.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startShopifySimulator } from '../shopify/index.js';
import { adminClient, eventually, sampleProducts, startWebhookReceiver } from '../shopify/testing.js';

const RUN_QUERY = `mutation ($query: String!) {
  bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message code } }
}`;
const OPERATION = `query ($id: ID!) {
  bulkOperation(id: $id) { id status type objectCount rootObjectCount url partialDataUrl errorCode }
}`;

describe('Shopify simulator: bulk operations', () => {
  let sut;
  let graphql;
  let receiver;

  before(async () => {
    receiver = await startWebhookReceiver();
    sut = await startShopifySimulator({ products: sampleProducts(4), webhookUrl: receiver.url });
    graphql = adminClient(sut);
  });
  beforeEach(() => sut.reset());
  after(async () => {
    await sut.stop();
    await receiver.stop();
  });

  const finished = (id) => eventually(async () => {
    const { bulkOperation } = (await graphql(OPERATION, { id })).body.data;
    return ['COMPLETED', 'FAILED', 'CANCELED'].includes(bulkOperation.status) && bulkOperation;
  });

  it('writes every product, and every variant with __parentId, as JSONL', async () => {
    const query = '{ products { edges { node { id title variants { edges { node { id sku } } } } } } }';
    const started = (await graphql(RUN_QUERY, { query })).body.data.bulkOperationRunQuery;
    assert.deepEqual(started.userErrors, []);
    assert.equal(started.bulkOperation.status, 'CREATED');

    const busy = (await graphql(RUN_QUERY, { query })).body.data.bulkOperationRunQuery;
    assert.equal(busy.userErrors[0].code, 'OPERATION_IN_PROGRESS');

    const operation = await finished(started.bulkOperation.id);
    assert.deepEqual({ ...operation, url: undefined }, {
      id: started.bulkOperation.id, status: 'COMPLETED', type: 'QUERY', objectCount: '8', rootObjectCount: '4',
      url: undefined, partialDataUrl: null, errorCode: null,
    });
    const lines = (await (await fetch(operation.url)).text()).trim().split('\n').map((line) => JSON.parse(line));
    const products = lines.filter((line) => !line.__parentId);
    const variants = lines.filter((line) => line.__parentId);
    assert.deepEqual(products.map((product) => product.title), sampleProducts(4).map((product) => product.title));
    assert.deepEqual(variants.map((variant) => [variant.sku, variant.__parentId]),
      products.map((product, index) => [`SKU-000${index + 1}`, product.id]));
    const current = (await graphql('{ currentBulkOperation { id status } }')).body.data.currentBulkOperation;
    assert.deepEqual(current, { id: operation.id, status: 'COMPLETED' });
  });

  it('refuses a bulk query without a connection', async () => {
    const { userErrors } = (await graphql(RUN_QUERY, { query: '{ shop { name } }' })).body.data.bulkOperationRunQuery;
    assert.deepEqual(userErrors, [{ field: ['query'], message: 'Bulk queries must contain at least one connection.', code: 'INVALID' }]);
  });

  it('runs a mutation once per line of a staged upload and answers with __lineNumber', async () => {
    const staged = (await graphql(`mutation { stagedUploadsCreate(input: [{resource: BULK_MUTATION_VARIABLES,
      filename: "variables.jsonl", mimeType: "text/jsonl", httpMethod: POST}]) {
      stagedTargets { url resourceUrl parameters { name value } } userErrors { message } } }`)).body.data.stagedUploadsCreate;
    const [target] = staged.stagedTargets;
    const lines = [
      { product: { id: 'gid://shopify/Product/1001', title: 'Bulk renamed 1' } },
      { product: { id: 'gid://shopify/Product/1999', title: 'No such product' } },
      { product: { id: 'gid://shopify/Product/1003', title: 'Bulk renamed 3' } },
    ];
    const form = new FormData();
    for (const { name, value } of target.parameters) form.append(name, value);
    form.append('file', new Blob([lines.map((line) => JSON.stringify(line)).join('\n')]), 'variables.jsonl');
    const upload = await fetch(target.url, { method: 'POST', body: form });
    assert.equal(upload.status, 201);

    const stagedUploadPath = target.parameters.find((parameter) => parameter.name === 'key').value;
    const { body } = await graphql(`mutation ($mutation: String!, $path: String!) {
      bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path) { bulkOperation { id type } userErrors { code message } }
    }`, {
      mutation: 'mutation rename($product: ProductUpdateInput!) { productUpdate(product: $product) { product { title } userErrors { field message } } }',
      path: stagedUploadPath,
    });
    assert.deepEqual(body.data.bulkOperationRunMutation.userErrors, []);
    const operation = await finished(body.data.bulkOperationRunMutation.bulkOperation.id);
    assert.equal(operation.objectCount, '3');

    const results = (await (await fetch(operation.url)).text()).trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(results, [
      { data: { productUpdate: { product: { title: 'Bulk renamed 1' }, userErrors: [] } }, __lineNumber: 0 },
      { data: { productUpdate: { product: null, userErrors: [{ field: ['id'], message: 'Product does not exist' }] } }, __lineNumber: 1 },
      { data: { productUpdate: { product: { title: 'Bulk renamed 3' }, userErrors: [] } }, __lineNumber: 2 },
    ]);
    assert.equal(sut.getProductBySku('SKU-0003').title, 'Bulk renamed 3');
  });

  it('refuses an upload whose signed parameters were altered, and a path never uploaded', async () => {
    const [target] = (await graphql(`mutation { stagedUploadsCreate(input: [{resource: BULK_MUTATION_VARIABLES,
      filename: "v.jsonl", mimeType: "text/jsonl"}]) { stagedTargets { url parameters { name value } } } }`)).body.data.stagedUploadsCreate.stagedTargets;
    const form = new FormData();
    for (const { name, value } of target.parameters) form.append(name, name === 'x-goog-signature' ? 'forged' : value);
    form.append('file', new Blob(['{}']), 'v.jsonl');
    assert.equal((await fetch(target.url, { method: 'POST', body: form })).status, 403);

    const { body } = await graphql(`mutation { bulkOperationRunMutation(mutation: "mutation m($product: ProductUpdateInput!) { productUpdate(product: $product) { userErrors { message } } }",
      stagedUploadPath: "tmp/never-uploaded.jsonl") { bulkOperation { id } userErrors { code } } }`);
    assert.deepEqual(body.data.bulkOperationRunMutation, { bulkOperation: null, userErrors: [{ code: 'NO_SUCH_FILE' }] });
  });

  it('announces bulk_operations/finish', async () => {
    const query = '{ products { nodes { id } } }';
    const { id } = (await graphql(RUN_QUERY, { query })).body.data.bulkOperationRunQuery.bulkOperation;
    await finished(id);
    await sut.webhooksSettled();
    const finish = receiver.deliveries.find((delivery) => delivery.headers['x-shopify-topic'] === 'bulk_operations/finish'
      && JSON.parse(delivery.rawBody).admin_graphql_api_id === id);
    assert.ok(finish, 'a bulk_operations/finish webhook for the operation');
    assert.deepEqual({ ...JSON.parse(finish.rawBody), created_at: undefined, completed_at: undefined },
      { admin_graphql_api_id: id, status: 'completed', type: 'query', error_code: null, created_at: undefined, completed_at: undefined });
  });

  it('keeps an operation RUNNING for bulkRunningMs when that fault is set', async () => {
    sut.setFaults({ bulkRunningMs: 400 });
    const query = '{ products { nodes { id } } }';
    const { id } = (await graphql(RUN_QUERY, { query })).body.data.bulkOperationRunQuery.bulkOperation;
    await new Promise((resolve) => { setTimeout(resolve, 150); });
    const midway = (await graphql(OPERATION, { id })).body.data.bulkOperation.status;
    const operation = await finished(id);
    assert.equal(midway, 'RUNNING');
    assert.equal(operation.status, 'COMPLETED');
  });
});

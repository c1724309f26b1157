// The simulator's Admin GraphQL endpoint: Shopify's auth, error shapes, search and paging.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startShopifySimulator } from '../shopify/index.js';
import { adminClient, sampleProducts } from '../shopify/testing.js';

describe('Shopify simulator: GraphQL endpoint', () => {
  let sut;
  let graphql;
  let startupMs;

  before(async () => {
    const started = Date.now();
    sut = await startShopifySimulator({ products: sampleProducts(5) });
    startupMs = Date.now() - started;
    graphql = adminClient(sut);
  });
  after(() => sut.stop());

  it('starts, schema build included, within a few seconds', (t) => {
    t.diagnostic(`simulator started in ${startupMs} ms (official Admin schema built from the introspection dump)`);
    assert.ok(startupMs < 5000);
  });

  it('answers a readiness probe', async () => {
    const response = await fetch(`${sut.adminBaseUrl}/health`);
    assert.equal(response.status, 200);
    assert.equal((await response.json()).status, 'ok');
  });

  it('refuses a missing or wrong access token with 401, as Shopify does', async () => {
    const query = '{ shop { name } }';
    for (const token of [null, 'shpat_wrong']) {
      const { status, body } = await graphql(query, {}, { token });
      assert.equal(status, 401);
      assert.deepEqual(body, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
  });

  it('answers 404 for an API version it does not serve', async () => {
    const { status } = await graphql('{ shop { name } }', {}, { version: '2019-04' });
    assert.equal(status, 404);
  });

  it('rejects a field the Admin schema lacks with Shopify\'s error shape', async () => {
    const { status, body } = await graphql('query Catalog { products(first: 1) { nodes { id colour } } }');
    assert.equal(status, 200);
    assert.deepEqual(body, {
      errors: [{
        message: "Field 'colour' doesn't exist on type 'Product'",
        locations: [{ line: 1, column: 49 }],
        path: ['query Catalog', 'products', 'nodes', 'colour'],
        extensions: { code: 'undefinedField', typeName: 'Product', fieldName: 'colour' },
      }],
    });
  });

  it('rejects an unknown argument and a badly typed variable as Shopify does', async () => {
    const argument = await graphql('{ products(first: 1, colour: "red") { nodes { id } } }');
    assert.equal(argument.body.errors[0].message, "Field 'products' doesn't accept argument 'colour'");
    assert.equal(argument.body.errors[0].extensions.code, 'argumentNotAccepted');

    const variable = await graphql('query ($id: ID!) { product(id: $id) { id } }', { id: 1001 });
    assert.equal(variable.body.errors[0].message, 'Variable $id of type ID! was provided invalid value');
    assert.equal(variable.body.errors[0].extensions.code, 'INVALID_VARIABLE');
    assert.equal(variable.body.errors[0].extensions.problems[0].explanation, "Invalid global id '1001'");
    assert.equal(variable.body.data, undefined);
  });

  it('words a syntax error as graphql-ruby does', async () => {
    const { body } = await graphql('{ products(first: 1) { nodes { id } }');
    assert.deepEqual(body.errors, [{ message: 'Unexpected end of document', locations: [{ line: 1, column: 38 }] }]);
  });

  it('finds a product by sku: and by barcode:, OR-ing terms', async () => {
    const { body } = await graphql(`query ($q: String) {
      products(first: 10, query: $q) { nodes { title variants(first: 1) { nodes { sku barcode price inventoryQuantity } } } }
    }`, { q: 'sku:SKU-0002 OR barcode:00000000004' });
    assert.deepEqual(body.data.products.nodes.map((product) => product.variants.nodes[0].sku), ['SKU-0002', 'SKU-0004']);
    assert.deepEqual(body.data.products.nodes[0].variants.nodes[0], { sku: 'SKU-0002', barcode: '00000000002', price: '11.00', inventoryQuantity: 11 });
  });

  it('looks variants up by SKU and reports an unknown search field as Shopify does', async () => {
    const { body } = await graphql('{ productVariants(first: 5, query: "sku:\'SKU-0003\' colour:red") { nodes { sku product { handle } } } }');
    assert.deepEqual(body.data.productVariants.nodes, [{ sku: 'SKU-0003', product: { handle: 'product-0003' } }]);
    assert.deepEqual(body.extensions.search[0].warnings, [{ field: 'colour', message: 'Invalid search field for this query.', code: 'invalid_field' }]);
  });

  it('pages with first/after and pageInfo, every product exactly once', async () => {
    const seen = [];
    let after = null;
    for (let page = 0; page < 10; page += 1) {
      const { body } = await graphql(`query ($after: String) {
        products(first: 2, after: $after, sortKey: TITLE) { nodes { title } pageInfo { hasNextPage endCursor } }
      }`, { after });
      seen.push(...body.data.products.nodes.map((product) => product.title));
      if (!body.data.products.pageInfo.hasNextPage) break;
      after = body.data.products.pageInfo.endCursor;
    }
    assert.deepEqual(seen, sampleProducts(5).map((product) => product.title));
  });

  it('requires first or last on a connection, like Shopify', async () => {
    const { body } = await graphql('{ products { nodes { id } } }');
    assert.equal(body.errors[0].message, 'you must provide one of first or last');
    assert.equal(body.errors[0].extensions.code, 'BAD_REQUEST');
  });

  it('resolves nodes(ids:), product(id:) and fields the store does not model', async () => {
    const { body } = await graphql(`{
      nodes(ids: ["gid://shopify/Product/1001", "gid://shopify/ProductVariant/1002", "gid://shopify/Product/9"]) {
        __typename id ... on ProductVariant { sku }
      }
      product(id: "gid://shopify/Product/1001") { title seo { title } category { id } resourcePublicationsCount { count } }
      locations(first: 5) { nodes { id name } }
      shop { myshopifyDomain currencyCode }
    }`);
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data.nodes, [
      { __typename: 'Product', id: 'gid://shopify/Product/1001' },
      { __typename: 'ProductVariant', id: 'gid://shopify/ProductVariant/1002', sku: 'SKU-0002' },
      null,
    ]);
    assert.deepEqual(body.data.product, { title: 'Product 0001', seo: { title: null }, category: null, resourcePublicationsCount: null });
    assert.equal(body.data.locations.nodes.length, 1);
    assert.equal(body.data.shop.myshopifyDomain, sut.shopDomain);
  });

  it('grants an expiring token through the client-credentials grant', async () => {
    const shortLived = await startShopifySimulator({ tokenLifetimeSeconds: 1, clientId: 'app', clientSecret: 'secret' });
    try {
      const grant = (form) => fetch(`${shortLived.adminBaseUrl}/admin/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
      const refused = await grant({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'other' });
      assert.equal(refused.status, 400);

      const response = await grant({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'secret' });
      const { access_token: token, scope, expires_in: expiresIn } = await response.json();
      assert.equal(response.status, 200);
      assert.match(token, /^shpat_/);
      assert.match(scope, /write_products/);
      assert.equal(expiresIn, 1);
      const client = adminClient(shortLived);
      assert.equal((await client('{ shop { name } }', {}, { token })).status, 200);
      await sleep(1100);
      assert.equal((await client('{ shop { name } }', {}, { token })).status, 401);
    } finally {
      await shortLived.stop();
    }
  });
});

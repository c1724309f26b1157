// Shopify's calculated query cost, leaky-bucket throttling and injected faults.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startShopifySimulator } from '../shopify/index.js';
import { adminClient, sampleProducts } from '../shopify/testing.js';

/** 2 + 10 × (1 product + 2 + 5 × 1 variant) = 82 requested; the shop holds 3 products of 1 variant. */
const CATALOG_PAGE = '{ products(first: 10) { nodes { id title variants(first: 5) { nodes { sku } } } } }';

describe('Shopify simulator: cost and throttling', () => {
  let sut;
  let graphql;

  before(async () => {
    sut = await startShopifySimulator({ products: sampleProducts(3) });
    graphql = adminClient(sut);
  });
  beforeEach(() => sut.reset());
  after(() => sut.stop());

  it('reports requested and actual cost in extensions.cost and refunds the difference', async () => {
    const { body } = await graphql(CATALOG_PAGE);
    // Actual: products connection 2 + 3 products + 3 × (variants connection 2 + 1 variant).
    const { throttleStatus, ...cost } = body.extensions.cost;
    assert.deepEqual(cost, { requestedQueryCost: 82, actualQueryCost: 14 });
    assert.equal(throttleStatus.maximumAvailable, 2000);
    assert.equal(throttleStatus.restoreRate, 100);
    // 2,000 − 82 + 68 refunded = 1,986, plus whatever refilled while the query ran.
    assert.ok(throttleStatus.currentlyAvailable >= 1986 && throttleStatus.currentlyAvailable <= 2000, `${throttleStatus.currentlyAvailable}`);
    assert.equal(sut.counters().cost_spent, 14);
  });

  it('leaves what @include and @skip leave out out of the requested cost', async () => {
    const query = `query ($withVariants: Boolean!, $withoutMedia: Boolean!) { products(first: 10) { nodes { id
      variants(first: 5) @include(if: $withVariants) { nodes { sku } }
      media(first: 3) @skip(if: $withoutMedia) { nodes { id } } } } }`;
    const costOf = async (variables) => (await graphql(query, variables)).body.extensions.cost;
    // 2 + 10 × (1 product + variants 2 + 5 × 1 + media 2 + 3 × 1).
    assert.equal((await costOf({ withVariants: true, withoutMedia: false })).requestedQueryCost, 132);
    // 2 + 10 × 1: nothing but the products.
    assert.deepEqual({ ...await costOf({ withVariants: false, withoutMedia: true }), throttleStatus: undefined },
      { requestedQueryCost: 12, actualQueryCost: 5, throttleStatus: undefined });
  });

  it('charges a mutation 10', async () => {
    const { body } = await graphql('mutation { productDelete(input: {id: "gid://shopify/Product/1003"}) { deletedProductId } }');
    assert.equal(body.extensions.cost.requestedQueryCost, 10);
    assert.equal(body.extensions.cost.actualQueryCost, 10);
  });

  it('refuses a query over 1,000 points with MAX_COST_EXCEEDED', async () => {
    const { status, body } = await graphql('{ products(first: 250) { nodes { variants(first: 100) { nodes { id } } } } }');
    assert.equal(status, 200);
    assert.equal(body.errors[0].extensions.code, 'MAX_COST_EXCEEDED');
    assert.equal(body.errors[0].extensions.cost, 2 + 250 * (1 + 2 + 100));
    assert.match(body.errors[0].message, /^Query cost is 25752, which exceeds the single query max cost limit \(1000\)/);
    assert.equal(body.data, undefined);
    assert.equal(sut.counters().max_cost_exceeded, 1);
  });

  it('throttles a burst beyond the bucket and admits again once it has refilled', async () => {
    sut.reset(sampleProducts(40));
    sut.setBucket({ size: 200, restoreRate: 100 });
    // 2 + 30 × (1 + 2 + 1) = 122 points, requested and (with 40 products) actual.
    const heavy = '{ products(first: 30) { nodes { variants(first: 1) { nodes { id } } } } }';
    const burst = await Promise.all([graphql(heavy), graphql(heavy), graphql(heavy)]);
    const throttled = burst.filter(({ body }) => body.errors?.[0].extensions.code === 'THROTTLED');
    assert.ok(throttled.length >= 1, 'a burst of 3 × 122 points against a bucket of 200 must be throttled');
    const refusal = throttled[0];
    assert.equal(refusal.status, 200);
    assert.deepEqual(refusal.body.errors[0], {
      message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
    });
    assert.equal(refusal.body.extensions.cost.requestedQueryCost, 122);
    assert.equal(refusal.body.extensions.cost.actualQueryCost, null);
    const { currentlyAvailable, restoreRate } = refusal.body.extensions.cost.throttleStatus;
    assert.ok(currentlyAvailable < 122);

    await sleep(((122 - currentlyAvailable) / restoreRate) * 1000 + 100);
    const retry = await graphql(heavy);
    assert.equal(retry.body.errors, undefined);
    assert.ok(sut.counters().throttled >= 1);
  });

  it('forces THROTTLED on demand, on the bucket reset() restored', async () => {
    sut.setFaults({ throttle: true });
    const { body } = await graphql('{ shop { name } }');
    assert.equal(body.errors[0].extensions.code, 'THROTTLED');
    assert.deepEqual(body.extensions.cost.throttleStatus, { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
  });

  it('answers the configured fraction of GraphQL requests THROTTLED', async () => {
    sut.setFaults({ throttleRate: 0.5 });
    const codes = [];
    for (let i = 0; i < 40; i += 1) codes.push((await graphql('{ shop { name } }')).body.errors?.[0]?.extensions?.code ?? 'ok');
    const throttled = codes.filter((code) => code === 'THROTTLED').length;
    assert.ok(throttled > 5 && throttled < 35, `${throttled} of 40 throttled`);
    assert.equal(codes.length - throttled, codes.filter((code) => code === 'ok').length);
    assert.equal(sut.counters().throttled, throttled);
  });

  it('answers the configured fraction of API requests with 502/503', async () => {
    sut.setFaults({ errorRate: 1 });
    const failed = await graphql('{ shop { name } }');
    assert.ok([502, 503].includes(failed.status));

    sut.setFaults({ errorRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await graphql('{ shop { name } }')).status);
    const failures = statuses.filter((status) => status >= 500).length;
    assert.ok(failures > 5 && failures < 35, `${failures} of 40 failed`);
    assert.equal(sut.counters().errors_injected, failures + 1);
  });

  it('delays responses by the configured latency', async () => {
    sut.setFaults({ latencyMs: 150 });
    const started = Date.now();
    await graphql('{ shop { name } }');
    assert.ok(Date.now() - started >= 150);
  });
});

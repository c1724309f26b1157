// Webhooks: Shopify's signing and headers, REST payloads, retries, and duplicate or out-of-order
// delivery on demand.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startShopifySimulator } from '../shopify/index.js';
import { adminClient, sampleProducts, startWebhookReceiver } from '../shopify/testing.js';

const CLIENT_SECRET = 'shh-client-secret';

function verifies(delivery, secret) {
  const expected = createHmac('sha256', secret).update(delivery.rawBody).digest('base64');
  return delivery.headers['x-shopify-hmac-sha256'] === expected;
}

describe('Shopify simulator: webhooks', () => {
  let sut;
  let receiver;
  let answer = () => 200;

  before(async () => {
    receiver = await startWebhookReceiver((count) => answer(count));
    sut = await startShopifySimulator({ products: sampleProducts(2), clientSecret: CLIENT_SECRET, webhookUrl: receiver.url });
  });
  beforeEach(() => {
    sut.reset();
    receiver.deliveries.length = 0;
    answer = () => 200;
  });
  after(async () => {
    await sut.stop();
    await receiver.stop();
  });

  it('signs a merchant edit\'s products/update with the client secret, with Shopify\'s headers', async () => {
    sut.editProduct('SKU-0001', { title: 'Edited in admin', price: '99.00' });
    await sut.webhooksSettled();
    const [delivery] = receiver.deliveries;
    assert.equal(receiver.deliveries.length, 1);
    assert.ok(verifies(delivery, CLIENT_SECRET), 'HMAC verifies with the client secret');
    assert.ok(!verifies(delivery, 'another-secret'), 'HMAC fails with another secret');
    assert.equal(delivery.headers['x-shopify-topic'], 'products/update');
    assert.equal(delivery.headers['x-shopify-shop-domain'], sut.shopDomain);
    assert.equal(delivery.headers['x-shopify-api-version'], '2026-10');
    for (const header of ['x-shopify-webhook-id', 'x-shopify-event-id', 'x-shopify-triggered-at']) assert.ok(delivery.headers[header], header);
    const product = JSON.parse(delivery.rawBody);
    assert.equal(product.title, 'Edited in admin');
    assert.equal(product.admin_graphql_api_id, 'gid://shopify/Product/1001');
    assert.equal(product.variants[0].price, '99.00');
    assert.equal(product.variants[0].sku, 'SKU-0001');
  });

  it('announces inventory changes made through the API as inventory_levels/update', async () => {
    await adminClient(sut)(`mutation { inventorySetQuantities(input: {name: "available", reason: "correction", quantities: [
      {inventoryItemId: "gid://shopify/InventoryItem/1002", locationId: "gid://shopify/Location/1001", quantity: 3, changeFromQuantity: 11}
    ]}) @idempotent(key: "k-1") { userErrors { code } } }`);
    await sut.webhooksSettled();
    assert.deepEqual(receiver.deliveries.map((delivery) => delivery.headers['x-shopify-topic']), ['inventory_levels/update']);
    const level = JSON.parse(receiver.deliveries[0].rawBody);
    assert.deepEqual({ ...level, updated_at: undefined }, {
      inventory_item_id: 1002, location_id: 1001, available: 3, updated_at: undefined,
      admin_graphql_api_id: 'gid://shopify/InventoryLevel/1002?inventory_item_id=1002',
    });
  });

  it('delivers every event twice on demand, with the same ids', async () => {
    sut.setWebhookDelivery({ duplicate: true });
    sut.editProduct('SKU-0002', { tags: ['x'] });
    await sut.webhooksSettled();
    const [first, second] = receiver.deliveries;
    assert.equal(receiver.deliveries.length, 2);
    assert.equal(first.rawBody, second.rawBody);
    assert.equal(first.headers['x-shopify-event-id'], second.headers['x-shopify-event-id']);
    assert.equal(first.headers['x-shopify-webhook-id'], second.headers['x-shopify-webhook-id']);
  });

  it('delivers out of order on demand', async () => {
    sut.setWebhookDelivery({ reorder: true });
    sut.editProduct('SKU-0001', { title: 'First edit' });
    sut.editProduct('SKU-0001', { title: 'Second edit' });
    await sut.webhooksSettled();
    assert.deepEqual(receiver.deliveries.map((delivery) => JSON.parse(delivery.rawBody).title), ['Second edit', 'First edit']);
  });

  it('retries a delivery the receiver failed, keeping its webhook id', async () => {
    answer = (count) => (count === 1 ? 500 : 200);
    sut.setWebhookDelivery({ firstRetryDelayMs: 10 });
    sut.editProduct('SKU-0001', { barcode: '123' });
    await sut.webhooksSettled();
    assert.equal(receiver.deliveries.length, 2);
    assert.equal(receiver.deliveries[0].headers['x-shopify-webhook-id'], receiver.deliveries[1].headers['x-shopify-webhook-id']);
    assert.equal(sut.counters().webhooks_failed, 1);
    assert.equal(sut.counters().webhooks_sent, 2);
  });

  it('gives up after the bounded number of retries', async () => {
    answer = () => 503;
    sut.setWebhookDelivery({ retries: 2, firstRetryDelayMs: 5 });
    sut.editProduct('SKU-0001', { barcode: '456' });
    await sut.webhooksSettled();
    assert.equal(receiver.deliveries.length, 3);
  });

  it('also delivers to subscriptions made with webhookSubscriptionCreate, with only the included fields', async () => {
    const subscriber = await startWebhookReceiver();
    try {
      const { body } = await adminClient(sut)(`mutation ($uri: String!) {
        webhookSubscriptionCreate(topic: PRODUCTS_DELETE, webhookSubscription: {uri: $uri, format: JSON, includeFields: ["id"]}) {
          webhookSubscription { id topic uri } userErrors { message }
        }
      }`, { uri: subscriber.url });
      assert.deepEqual(body.data.webhookSubscriptionCreate.userErrors, []);
      await adminClient(sut)('mutation { productDelete(input: {id: "gid://shopify/Product/1002"}) { deletedProductId } }');
      await sut.webhooksSettled();
      assert.deepEqual(subscriber.deliveries.map((delivery) => JSON.parse(delivery.rawBody)), [{ id: 1002 }]);
      assert.deepEqual(receiver.deliveries.map((delivery) => delivery.headers['x-shopify-topic']), ['products/delete']);
      assert.equal(subscriber.deliveries[0].headers['x-shopify-event-id'], receiver.deliveries[0].headers['x-shopify-event-id']);
    } finally {
      await subscriber.stop();
    }
  });
});

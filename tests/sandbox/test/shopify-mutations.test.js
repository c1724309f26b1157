// The write mutations the sync uses, against the store: what changes, what bumps updatedAt, and
// what Shopify refuses (userErrors, compare-and-swap, idempotency).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startShopifySimulator } from '../shopify/index.js';
import { adminClient, sampleProducts } from '../shopify/testing.js';

const SET_QUANTITY = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } }
    userErrors { field message code }
  }
}`;

function setAvailable(quantity, changeFromQuantity) {
  return {
    name: 'available', reason: 'correction', referenceDocumentUri: 'gid://cowans-sync/StagedChange/1',
    quantities: [{ inventoryItemId: 'gid://shopify/InventoryItem/1001', locationId: 'gid://shopify/Location/1001', quantity, changeFromQuantity }],
  };
}

describe('Shopify simulator: mutations', () => {
  let sut;
  let graphql;

  before(async () => {
    sut = await startShopifySimulator({ products: sampleProducts(3) });
    graphql = adminClient(sut);
  });
  beforeEach(() => sut.reset());
  after(() => sut.stop());

  it('productUpdate changes the product and bumps updatedAt', async () => {
    const before = sut.getProductBySku('SKU-0001');
    const { body } = await graphql(`mutation ($product: ProductUpdateInput!) {
      productUpdate(product: $product) { product { title tags updatedAt } userErrors { field message } }
    }`, { product: { id: 'gid://shopify/Product/1001', title: 'Renamed', tags: ['a', 'b'] } });
    assert.deepEqual(body.data.productUpdate.userErrors, []);
    const after = sut.getProductBySku('SKU-0001');
    assert.equal(after.title, 'Renamed');
    assert.equal(after.tags, 'a, b');
    assert.ok(Date.parse(after.updated_at) > Date.parse(before.updated_at));
    assert.equal(Date.parse(body.data.productUpdate.product.updatedAt), Date.parse(after.updated_at));
  });

  it('productUpdate on a missing product is a userError', async () => {
    const { body } = await graphql(`mutation { productUpdate(product: {id: "gid://shopify/Product/999", title: "x"}) {
      product { id } userErrors { field message } } }`);
    assert.deepEqual(body.data.productUpdate, { product: null, userErrors: [{ field: ['id'], message: 'Product does not exist' }] });
  });

  it('productVariantsBulkUpdate changes price, barcode, SKU and cost and bumps updatedAt', async () => {
    const before = sut.getProductBySku('SKU-0002');
    const { body } = await graphql(`mutation ($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
      productVariantsBulkUpdate(productId: $productId, variants: $variants) {
        productVariants { price barcode sku inventoryItem { unitCost { amount } } }
        userErrors { field message code }
      }
    }`, {
      productId: 'gid://shopify/Product/1002',
      variants: [{ id: 'gid://shopify/ProductVariant/1002', price: '19.5', barcode: '999', inventoryItem: { sku: 'SKU-0002-B', cost: '7.25' } }],
    });
    assert.deepEqual(body.data.productVariantsBulkUpdate.userErrors, []);
    assert.deepEqual(body.data.productVariantsBulkUpdate.productVariants,
      [{ price: '19.50', barcode: '999', sku: 'SKU-0002-B', inventoryItem: { unitCost: { amount: '7.25' } } }]);
    assert.equal(sut.getProductBySku('SKU-0002'), null);
    const after = sut.getProductBySku('SKU-0002-B');
    assert.equal(after.variants[0].price, '19.50');
    assert.ok(Date.parse(after.updated_at) > Date.parse(before.updated_at));
    assert.ok(Date.parse(after.variants[0].updated_at) > Date.parse(before.variants[0].updated_at));
  });

  it('productVariantsBulkUpdate refuses a variant of another product and changes nothing', async () => {
    const { body } = await graphql(`mutation { productVariantsBulkUpdate(productId: "gid://shopify/Product/1001",
      variants: [{id: "gid://shopify/ProductVariant/1002", price: "1.00"}]) { userErrors { field code } } }`);
    assert.deepEqual(body.data.productVariantsBulkUpdate.userErrors, [{ field: ['variants', '0', 'id'], code: 'MUST_BE_FOR_THIS_PRODUCT' }]);
    assert.equal(sut.getProductBySku('SKU-0002').variants[0].price, '11.00');
  });

  it('inventorySetQuantities with a stale changeFromQuantity is refused and changes nothing', async () => {
    const { body } = await graphql(SET_QUANTITY, { input: setAvailable(50, 9), key: 'stale-1' });
    assert.deepEqual(body.data.inventorySetQuantities, {
      inventoryAdjustmentGroup: null,
      userErrors: [{
        field: ['input', 'quantities', '0', 'changeFromQuantity'],
        message: 'The changeFromQuantity value does not match persisted value.', code: 'CHANGE_FROM_QUANTITY_STALE',
      }],
    });
    assert.equal(sut.getProductBySku('SKU-0001').variants[0].inventory_quantity, 10);
  });

  it('inventorySetQuantities sets the quantity when changeFromQuantity matches', async () => {
    const { body } = await graphql(SET_QUANTITY, { input: setAvailable(25, 10), key: 'set-1' });
    assert.deepEqual(body.data.inventorySetQuantities.inventoryAdjustmentGroup.changes, [
      { name: 'available', delta: 15, quantityAfterChange: 25 }, { name: 'on_hand', delta: 15, quantityAfterChange: 25 },
    ]);
    assert.equal(sut.getProductBySku('SKU-0001').variants[0].inventory_quantity, 25);
  });

  it('the same @idempotent key twice is applied once and answers the same', async () => {
    const first = await graphql(SET_QUANTITY, { input: setAvailable(20, 10), key: 'change-42' });
    sut.editProduct('SKU-0001', { inventoryQuantity: 15 });
    const replay = await graphql(SET_QUANTITY, { input: setAvailable(20, 10), key: 'change-42' });
    assert.deepEqual(replay.body.data, first.body.data);
    assert.equal(sut.getProductBySku('SKU-0001').variants[0].inventory_quantity, 15, 'the replay must not set 20 again');
    assert.deepEqual(sut.counters().idempotency_keys, ['change-42']);

    const reused = await graphql(SET_QUANTITY, { input: setAvailable(30, 15), key: 'change-42' });
    assert.equal(reused.body.data.inventorySetQuantities.userErrors[0].code, 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH');
  });

  it('inventorySetQuantities requires @idempotent and an explicit changeFromQuantity (2026-04+)', async () => {
    const withoutKey = await graphql(`mutation ($input: InventorySetQuantitiesInput!) {
      inventorySetQuantities(input: $input) { userErrors { code } } }`, { input: setAvailable(1, null) });
    assert.equal(withoutKey.body.errors[0].message, 'The @idempotent directive is required for this mutation but was not provided.');
    assert.equal(withoutKey.body.errors[0].extensions.code, 'BAD_REQUEST');

    const input = setAvailable(1, null);
    delete input.quantities[0].changeFromQuantity;
    const withoutCompare = await graphql(SET_QUANTITY, { input, key: 'no-compare' });
    assert.equal(withoutCompare.body.errors[0].message, 'InventoryQuantityInput must include the following argument: changeFromQuantity.');
    assert.equal(sut.getProductBySku('SKU-0001').variants[0].inventory_quantity, 10);
  });

  it('productCreate makes a product with a default variant and media', async () => {
    const { body } = await graphql(`mutation ($product: ProductCreateInput!, $media: [CreateMediaInput!]) {
      productCreate(product: $product, media: $media) {
        product { id handle status variants(first: 2) { nodes { title } } media(first: 2) { nodes { alt mediaContentType } } }
        userErrors { field message }
      }
    }`, {
      product: { title: 'Brand New Thing', vendor: 'Acme', collectionsToJoin: ['gid://shopify/Collection/1001'] },
      media: [{ originalSource: 'https://cdn.example.com/new.png', alt: 'new', mediaContentType: 'IMAGE' }],
    });
    const { product, userErrors } = body.data.productCreate;
    assert.deepEqual(userErrors, []);
    assert.equal(product.handle, 'brand-new-thing');
    assert.equal(product.status, 'ACTIVE');
    assert.deepEqual(product.variants.nodes, [{ title: 'Default Title' }]);
    assert.deepEqual(product.media.nodes, [{ alt: 'new', mediaContentType: 'IMAGE' }]);

    const blank = await graphql('mutation { productCreate(product: {title: " "}) { userErrors { field message } } }');
    assert.deepEqual(blank.body.data.productCreate.userErrors, [{ field: ['title'], message: "Title can't be blank" }]);
  });

  it('productSet replaces the variant list: variants left out are deleted', async () => {
    await graphql(`mutation { productVariantsBulkCreate(productId: "gid://shopify/Product/1001", variants: [
      {optionValues: [{optionName: "Size", name: "S"}], price: "1.00", inventoryItem: {sku: "S-SMALL"}},
      {optionValues: [{optionName: "Size", name: "L"}], price: "2.00", inventoryItem: {sku: "S-LARGE"}}
    ]) { userErrors { message } } }`);
    assert.deepEqual(sut.getProductBySku('S-SMALL').variants.map((variant) => variant.sku), ['S-SMALL', 'S-LARGE']);

    const { body } = await graphql(`mutation { productSet(identifier: {id: "gid://shopify/Product/1001"}, input: {
      productOptions: [{name: "Size", values: [{name: "L"}]}],
      variants: [{optionValues: [{optionName: "Size", name: "L"}], sku: "S-LARGE", price: "2.50"}]
    }) { product { variants(first: 5) { nodes { sku price } } } userErrors { field message code } } }`);
    assert.deepEqual(body.data.productSet.userErrors, []);
    assert.deepEqual(body.data.productSet.product.variants.nodes, [{ sku: 'S-LARGE', price: '2.50' }]);
    assert.equal(sut.getProductBySku('S-SMALL'), null);
  });

  it('metafieldsSet compares and sets on compareDigest', async () => {
    const set = `mutation ($metafields: [MetafieldsSetInput!]!) {
      metafieldsSet(metafields: $metafields) { metafields { value compareDigest } userErrors { field code } }
    }`;
    const entry = { ownerId: 'gid://shopify/Product/1001', namespace: 'custom', key: 'etilize_id', type: 'single_line_text_field' };
    const created = await graphql(set, { metafields: [{ ...entry, value: 'E-1', compareDigest: null }] });
    const { compareDigest } = created.body.data.metafieldsSet.metafields[0];

    const stale = await graphql(set, { metafields: [{ ...entry, value: 'E-2', compareDigest: 'not-the-digest' }] });
    assert.equal(stale.body.data.metafieldsSet.userErrors[0].code, 'STALE_OBJECT');
    const current = await graphql(set, { metafields: [{ ...entry, value: 'E-3', compareDigest }] });
    assert.equal(current.body.data.metafieldsSet.metafields[0].value, 'E-3');
  });

  it('says so when a valid mutation is one the sandbox does not simulate', async () => {
    const { body } = await graphql('mutation { tagsAdd(id: "gid://shopify/Product/1001", tags: ["x"]) { userErrors { message } } }');
    assert.equal(body.errors[0].message, 'The sandbox does not simulate the tagsAdd mutation.');
    assert.deepEqual(body.data, { tagsAdd: null });
  });

  it('collectionAddProducts adds to a manual collection', async () => {
    const { body } = await graphql(`mutation { collectionAddProducts(id: "gid://shopify/Collection/1001",
      productIds: ["gid://shopify/Product/1002"]) { collection { handle products(first: 5) { nodes { id } } } userErrors { message } } }`);
    assert.deepEqual(body.data.collectionAddProducts.collection.products.nodes.map((node) => node.id),
      ['gid://shopify/Product/1001', 'gid://shopify/Product/1003', 'gid://shopify/Product/1002']);
  });
});

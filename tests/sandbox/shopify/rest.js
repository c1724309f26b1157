// REST-shaped resources: what webhooks carry (payloads are "the REST resource at the subscription's
// API version") and what getProductBySku returns. Snake_case, numeric ids beside the GID, tags as
// one comma string, timestamps in the shop's zone with an offset (the shop runs on UTC).
import { legacyId } from './ids.js';
import { availableOf, variantsOf } from './store/catalog.js';

const GRAMS_PER_POUND = 453.59237;

function restTime(isoUtc) {
  return isoUtc ? isoUtc.replace(/Z$/, '+00:00') : null;
}

export function restProduct(store, product) {
  const productId = legacyId(product.id);
  const images = product.mediaIds.map((id, index) => restImage(store.node(id), productId, index));
  const variants = variantsOf(store, product);
  return {
    id: productId, title: product.title, body_html: product.descriptionHtml, vendor: product.vendor,
    product_type: product.productType, created_at: restTime(product.createdAt), handle: product.handle,
    updated_at: restTime(product.updatedAt), published_at: restTime(product.publishedAt), template_suffix: product.templateSuffix,
    published_scope: 'global', tags: product.tags.join(', '), status: product.status.toLowerCase(), admin_graphql_api_id: product.id,
    variants: variants.map((variant) => restVariant(store, variant, productId)),
    options: [{
      id: productId, product_id: productId, name: variants[0]?.selectedOptions[0]?.name ?? 'Title', position: 1,
      values: [...new Set(variants.map((variant) => variant.selectedOptions[0]?.value))],
    }],
    images, image: images[0] ?? null,
  };
}

function restVariant(store, variant, productId) {
  const item = store.node(variant.inventoryItemId);
  const quantity = availableOf(store, variant);
  const [option1 = null, option2 = null, option3 = null] = variant.selectedOptions.map((option) => option.value);
  return {
    id: legacyId(variant.id), product_id: productId, title: variant.title, price: variant.price, position: variant.position,
    inventory_policy: variant.inventoryPolicy.toLowerCase(), compare_at_price: variant.compareAtPrice, option1, option2, option3,
    created_at: restTime(variant.createdAt), updated_at: restTime(variant.updatedAt), taxable: variant.taxable, barcode: variant.barcode,
    fulfillment_service: 'manual', grams: Math.round(item.weightLb * GRAMS_PER_POUND), inventory_management: item.tracked ? 'shopify' : null,
    requires_shipping: item.requiresShipping, sku: variant.sku, weight: item.weightLb, weight_unit: 'lb',
    inventory_item_id: legacyId(item.id), inventory_quantity: quantity, old_inventory_quantity: quantity,
    admin_graphql_api_id: variant.id, image_id: null,
  };
}

function restImage(media, productId, index) {
  return {
    id: legacyId(media.id), alt: media.alt, position: index + 1, product_id: productId,
    created_at: restTime(media.createdAt), updated_at: restTime(media.updatedAt),
    admin_graphql_api_id: `gid://shopify/ProductImage/${media.legacyResourceId}`, width: null, height: null, src: media.url, variant_ids: [],
  };
}

function restInventoryLevel(level) {
  return {
    inventory_item_id: legacyId(level.itemId), location_id: legacyId(level.locationId), available: level.quantities.available,
    updated_at: restTime(level.updatedAt), admin_graphql_api_id: level.id,
  };
}

function restBulkOperation(operation) {
  return {
    admin_graphql_api_id: operation.id, completed_at: restTime(operation.completedAt), created_at: restTime(operation.createdAt),
    error_code: operation.errorCode?.toLowerCase() ?? null, status: operation.status.toLowerCase(), type: operation.type.toLowerCase(),
  };
}

/** The webhook body for a store change (topic as Shopify names it, e.g. products/update). */
export function restPayload(store, topic, record) {
  switch (topic) {
    case 'products/delete': return { id: legacyId(record.id) };
    case 'inventory_levels/update': return restInventoryLevel(record);
    case 'bulk_operations/finish': return restBulkOperation(record);
    default: return restProduct(store, record);
  }
}

// A merchant editing a product in the Shopify admin: whatever they change, saving bumps the
// product's updatedAt and Shopify publishes products/update (and inventory_levels/update when the
// stock moved); deleting publishes products/delete. Tests use it to make Shopify drift from what the sync staged.
import { money, normalizeTags } from '../resolvers/inputs.js';
import { deleteProduct, inventoryLevel, setQuantity, touchProduct, variantBySku } from './catalog.js';

const PRODUCT_FIELDS = ['title', 'descriptionHtml', 'vendor', 'productType', 'status', 'handle'];
const MONEY_FIELDS = ['price', 'compareAtPrice'];

/** Applies { title, descriptionHtml, vendor, productType, status, handle, tags, price, compareAtPrice, barcode, cost, inventoryQuantity }. */
export function editProduct(store, sku, changes) {
  const variant = variantBySku(store, sku);
  if (!variant) throw new Error(`No product in the sandbox shop has a variant with SKU ${sku}`);
  const product = store.node(variant.productId);
  const item = store.node(variant.inventoryItemId);
  for (const name of PRODUCT_FIELDS) if (changes[name] !== undefined) product[name] = changes[name];
  if (changes.tags !== undefined) product.tags = normalizeTags([changes.tags].flat());
  for (const name of MONEY_FIELDS) if (changes[name] !== undefined) variant[name] = money(changes[name]);
  if (changes.barcode !== undefined) variant.barcode = changes.barcode;
  if (changes.cost !== undefined) item.cost = money(changes.cost);
  if (changes.inventoryQuantity !== undefined) {
    setQuantity(store, inventoryLevel(store, item.id, store.location.id), 'available', changes.inventoryQuantity);
  }
  touchProduct(store, product);
  variant.updatedAt = product.updatedAt;
  return product;
}

/** Deletes the product holding the SKU's variant, with its variants, media and memberships; returns the deleted product. */
export function deleteProductBySku(store, sku) {
  const variant = variantBySku(store, sku);
  if (!variant) throw new Error(`No product in the sandbox shop has a variant with SKU ${sku}`);
  const product = store.node(variant.productId);
  deleteProduct(store, product);
  return product;
}

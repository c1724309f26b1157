// productVariantsBulkCreate and productVariantsBulkUpdate: one product per call, the SKU inside
// inventoryItem, stock only on create. A product's variant change is a products/update.
import { createVariant, deleteVariant, touchProduct, variantsOf } from '../store/catalog.js';
import { checkInputSize, userError } from './inputs.js';
import { applyVariantInput, newVariantFields, priceErrors, variantOptions } from './variant-input.js';

function missingProduct() {
  return { product: null, productVariants: null, userErrors: [userError(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
}

function updateErrors(store, product, input, index) {
  const at = ['variants', index];
  if (!input.id) return [userError([...at, 'id'], 'Product variant is missing ID attribute', 'PRODUCT_VARIANT_ID_MISSING')];
  const variant = store.nodeOfType('ProductVariant', input.id);
  if (!variant) return [userError([...at, 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST')];
  if (variant.productId !== product.id) return [userError([...at, 'id'], 'Product variant does not belong to this product', 'MUST_BE_FOR_THIS_PRODUCT')];
  const errors = priceErrors(input, at);
  if (input.inventoryQuantities) {
    errors.push(userError([...at, 'inventoryQuantities'],
      'Inventory quantities can only be provided during create. To update inventory for existing variants, use inventoryAdjustQuantities.',
      'NO_INVENTORY_QUANTITIES_ON_VARIANTS_UPDATE'));
  }
  return errors;
}

function createErrors(store, product, input, index, titlesTaken) {
  const at = ['variants', index];
  const errors = priceErrors(input, at, 'INVALID');
  const { title } = variantOptions(input.optionValues);
  if (titlesTaken.has(title)) errors.push(userError([...at, 'optionValues'], `The variant '${title}' already exists.`, 'VARIANT_ALREADY_EXISTS'));
  titlesTaken.add(title);
  (input.inventoryQuantities ?? []).forEach((quantity, quantityIndex) => {
    if (quantity.locationId !== store.location.id) {
      errors.push(userError([...at, 'inventoryQuantities', quantityIndex, 'locationId'], 'Location does not exist', 'TRACKED_VARIANT_LOCATION_NOT_FOUND'));
    }
  });
  return errors;
}

export const variantMutationResolvers = {
  Mutation: {
    productVariantsBulkUpdate: (_, { productId, variants, allowPartialUpdates }, { store }) => {
      checkInputSize(variants);
      const product = store.nodeOfType('Product', productId);
      if (!product) return missingProduct();
      const errorsByVariant = variants.map((input, index) => updateErrors(store, product, input, index));
      const userErrors = errorsByVariant.flat();
      if (userErrors.length && !allowPartialUpdates) return { product: null, productVariants: null, userErrors };
      const accepted = variants.filter((_, index) => errorsByVariant[index].length === 0);
      const changed = accepted.map((input) => applyVariantInput(store, store.node(input.id), input));
      if (changed.some(Boolean)) touchProduct(store, product);
      return { product, productVariants: accepted.map((input) => store.node(input.id)), userErrors };
    },

    productVariantsBulkCreate: (_, { productId, variants, strategy }, { store }) => {
      checkInputSize(variants);
      const product = store.nodeOfType('Product', productId);
      if (!product) return missingProduct();
      const existing = variantsOf(store, product);
      const standalone = existing.length === 1 && existing[0].title === 'Default Title' && strategy !== 'PRESERVE_STANDALONE_VARIANT';
      const titlesTaken = new Set(standalone ? [] : existing.map((variant) => variant.title));
      const userErrors = variants.flatMap((input, index) => createErrors(store, product, input, index, titlesTaken));
      if (userErrors.length) return { product: null, productVariants: null, userErrors };
      if (standalone) deleteVariant(store, product, existing[0]);
      const created = variants.map((input) => createVariant(store, product, {
        ...newVariantFields(input),
        available: (input.inventoryQuantities ?? []).reduce((sum, quantity) => sum + quantity.availableQuantity, 0),
      }));
      touchProduct(store, product);
      return { product, productVariants: created, userErrors: [] };
    },
  },
};

// productSet: the whole-product upsert meant for syncing from an outside system. Scalars left out
// stay; list fields sent (variants, collections, metafields, files) REPLACE what the product has,
// so entries left out are deleted. Variants are matched by ID, else by their option values.
import {
  addMedia, collectionsOf, createProduct, createVariant, deleteVariant, inventoryLevel, joinCollection, leaveCollection,
  productByHandle, setQuantity, touchProduct, variantsOf,
} from '../store/catalog.js';
import { metafieldsOf } from '../store/metafields.js';
import { checkInputSize, normalizeTags, userError } from './inputs.js';
import { applyProductInput, productInputErrors } from './product-input.js';
import { applyVariantInput, newVariantFields, priceErrors, variantOptions } from './variant-input.js';

/** productSet takes up to 2,048 variants, beyond the usual 250. */
const MAX_VARIANTS = 2048;

function targetOf(store, input, identifier) {
  if (identifier?.id ?? input.id) return store.nodeOfType('Product', identifier?.id ?? input.id);
  return identifier?.handle ? productByHandle(store, identifier.handle) : null;
}

function variantErrors(store, product, variants, productOptions) {
  if (!variants) return [];
  if (!productOptions?.length) return [userError(['input', 'productOptions'], 'Product options input is missing.', 'PRODUCT_OPTIONS_INPUT_MISSING')];
  const titles = new Set();
  return variants.flatMap((input, index) => {
    const at = ['input', 'variants', index];
    const errors = priceErrors(input, at, 'INVALID_VARIANT');
    const variant = input.id ? store.nodeOfType('ProductVariant', input.id) : null;
    if (input.id && (!variant || variant.productId !== product?.id)) {
      errors.push(userError([...at, 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST'));
    }
    const { title } = variantOptions(input.optionValues);
    if (titles.has(title)) errors.push(userError([...at, 'optionValues'], `The variant '${title}' already exists.`, 'DUPLICATED_OPTION_VALUE'));
    titles.add(title);
    (input.inventoryQuantities ?? []).forEach((quantity, quantityIndex) => {
      if (quantity.locationId !== store.location.id) {
        errors.push(userError([...at, 'inventoryQuantities', quantityIndex, 'locationId'], 'Location does not exist', 'INVALID_INPUT'));
      }
    });
    return errors;
  });
}

function setVariants(store, product, inputs) {
  const existing = variantsOf(store, product);
  const kept = inputs.map((input) => {
    const match = input.id ? store.node(input.id)
      : existing.find((variant) => variant.title === variantOptions(input.optionValues).title);
    const variant = match ?? createVariant(store, product, newVariantFields(input));
    if (match) applyVariantInput(store, variant, input);
    for (const quantity of input.inventoryQuantities ?? []) {
      const level = inventoryLevel(store, variant.inventoryItemId, quantity.locationId);
      if (level.quantities[quantity.name] !== quantity.quantity) setQuantity(store, level, quantity.name, quantity.quantity);
    }
    return variant;
  });
  existing.filter((variant) => !kept.includes(variant)).forEach((variant) => deleteVariant(store, product, variant));
  product.variantIds = kept.map((variant) => variant.id);
  kept.forEach((variant, index) => { variant.position = index + 1; });
}

function setLists(store, product, input) {
  if (input.collections) {
    collectionsOf(store, product).filter((collection) => !input.collections.includes(collection.id))
      .forEach((collection) => leaveCollection(collection, product));
    input.collections.forEach((id) => joinCollection(store, store.node(id), product));
  }
  if (input.metafields) {
    const listed = new Set(input.metafields.map((metafield) => `${metafield.namespace ?? '$app'}.${metafield.key}`));
    metafieldsOf(store, product.id).filter((metafield) => !listed.has(`${metafield.namespace}.${metafield.key}`))
      .forEach((metafield) => store.remove(metafield));
  }
  if (input.files) {
    const keptIds = input.files.map((file) => file.id).filter(Boolean);
    product.mediaIds.filter((id) => !keptIds.includes(id)).forEach((id) => store.remove(store.node(id)));
    product.mediaIds = product.mediaIds.filter((id) => keptIds.includes(id));
    input.files.filter((file) => !file.id).forEach((file) => addMedia(store, product, { url: file.originalSource, alt: file.alt ?? null }));
  }
  if (input.variants) setVariants(store, product, input.variants);
}

export const productSetResolvers = {
  Mutation: {
    productSet: (_, { input, identifier, synchronous }, { store }) => {
      checkInputSize(input.variants, MAX_VARIANTS);
      checkInputSize(input.metafields);
      const target = targetOf(store, input, identifier);
      if ((identifier?.id ?? input.id) && !target) {
        return { product: null, productSetOperation: null, userErrors: [userError(['identifier', 'id'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
      }
      const fields = { ...input, handle: input.handle ?? (target ? undefined : identifier?.handle) };
      const userErrors = [
        ...productInputErrors(store, fields, target, ['input']),
        ...variantErrors(store, target, input.variants, input.productOptions),
      ];
      if (userErrors.length) return { product: null, productSetOperation: null, userErrors };
      const product = target ?? createProduct(store, { ...fields, tags: normalizeTags(input.tags ?? []) });
      if (!target && !input.variants) createVariant(store, product);
      applyProductInput(store, product, fields);
      setLists(store, product, input);
      if (target) touchProduct(store, product);
      else store.changed('products/create', product);
      if (synchronous !== false) return { product, productSetOperation: null, userErrors: [] };
      const operation = store.add('ProductSetOperation', { status: 'COMPLETE', productId: product.id, userErrors: [] });
      return { product: null, productSetOperation: operation, userErrors: [] };
    },
  },
  ProductSetOperation: {
    product: (operation, _, { store }) => store.node(operation.productId),
  },
};

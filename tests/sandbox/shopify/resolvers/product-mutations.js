// productCreate, productUpdate and productDelete (2026-10 shapes: `product:` input, `media:`).
// Shopify publishes products/create, products/update and products/delete for each.
import { createProduct, createVariant, deleteProduct, productByHandle, touchProduct } from '../store/catalog.js';
import { checkInputSize, normalizeTags, userError } from './inputs.js';
import { addMediaInputs, applyProductInput, mediaInputErrors, productInputErrors } from './product-input.js';

function findProduct(store, id, handle) {
  if (id) return store.nodeOfType('Product', id);
  return handle ? productByHandle(store, handle) : null;
}

export const productMutationResolvers = {
  Mutation: {
    productCreate: (_, { product: input, input: legacyInput, media }, { store }) => {
      const fields = input ?? legacyInput ?? {};
      checkInputSize(media);
      const userErrors = [...productInputErrors(store, fields, null), ...mediaInputErrors(media)];
      if (userErrors.length) return { product: null, userErrors, shop: store.shop };
      const product = createProduct(store, { ...fields, tags: normalizeTags(fields.tags ?? []) });
      createVariant(store, product);
      applyProductInput(store, product, { collectionsToJoin: fields.collectionsToJoin, metafields: fields.metafields });
      addMediaInputs(store, product, media);
      store.changed('products/create', product);
      return { product, userErrors: [], shop: store.shop };
    },

    productUpdate: (_, { product: input, input: legacyInput, identifier, media }, { store }) => {
      const fields = input ?? legacyInput ?? {};
      checkInputSize(media);
      const product = findProduct(store, fields.id ?? identifier?.id, identifier?.handle);
      if (!product) return { product: null, userErrors: [userError(['id'], 'Product does not exist')] };
      const userErrors = [...productInputErrors(store, fields, product), ...mediaInputErrors(media)];
      if (userErrors.length) return { product: null, userErrors };
      const changedFields = applyProductInput(store, product, fields);
      const changedMedia = addMediaInputs(store, product, media);
      if (changedFields || changedMedia) touchProduct(store, product);
      return { product, userErrors: [] };
    },

    productDelete: (_, { input }, { store }) => {
      const product = store.nodeOfType('Product', input.id);
      if (!product) return { deletedProductId: null, userErrors: [userError(['id'], 'Product does not exist')], shop: store.shop };
      deleteProduct(store, product);
      return { deletedProductId: product.id, userErrors: [], shop: store.shop };
    },
  },
};

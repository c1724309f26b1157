// collectionAddProducts (manual collections only) and metafieldsSet (at most 25, atomic, with
// compare-and-set on compareDigest: null means "must not exist yet").
import { joinCollection } from '../store/catalog.js';
import { APP_NAMESPACE, findMetafield, writeMetafield } from '../store/metafields.js';
import { checkInputSize, userError } from './inputs.js';

const MAX_METAFIELDS = 25;

function metafieldErrors(store, entry, index) {
  const at = ['metafields', index];
  const error = (field, message, code) => ({ ...userError([...at, ...field], message, code), elementIndex: index });
  const owner = store.node(entry.ownerId);
  if (!owner) return [error(['ownerId'], 'Owner does not exist.', 'INVALID')];
  const existing = findMetafield(store, owner.id, entry.namespace ?? APP_NAMESPACE, entry.key);
  if (!existing && !entry.type) return [error(['type'], "Type can't be blank.", 'BLANK')];
  if (Object.hasOwn(entry, 'compareDigest') && (entry.compareDigest === null ? existing : existing?.compareDigest !== entry.compareDigest)) {
    return [error([], 'The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.', 'STALE_OBJECT')];
  }
  const type = entry.type ?? existing.type;
  const valid = {
    number_integer: (value) => /^-?\d+$/.test(value),
    number_decimal: (value) => Number.isFinite(Number(value)),
    boolean: (value) => value === 'true' || value === 'false',
    json: (value) => { try { JSON.parse(value); return true; } catch { return false; } },
  }[type];
  return valid && !valid(entry.value) ? [error(['value'], `Value must be a valid ${type}.`, 'INVALID_VALUE')] : [];
}

export const shopMutationResolvers = {
  Mutation: {
    collectionAddProducts: (_, { id, productIds }, { store }) => {
      checkInputSize(productIds);
      const collection = store.nodeOfType('Collection', id);
      if (!collection) return { collection: null, userErrors: [userError(['id'], 'Collection does not exist')] };
      if (collection.ruleSet) return { collection: null, userErrors: [userError(['id'], "Can't manually add products to a smart collection")] };
      const products = productIds.map((productId) => store.nodeOfType('Product', productId));
      if (products.includes(null)) return { collection: null, userErrors: [userError(['productIds'], 'Product does not exist')] };
      products.forEach((product) => joinCollection(store, collection, product));
      return { collection, userErrors: [] };
    },

    metafieldsSet: (_, { metafields }, { store }) => {
      checkInputSize(metafields, MAX_METAFIELDS);
      const userErrors = metafields.flatMap((entry, index) => metafieldErrors(store, entry, index));
      if (userErrors.length) return { metafields: null, userErrors };
      return { metafields: metafields.map((entry) => writeMetafield(store, store.node(entry.ownerId), entry)), userErrors: [] };
    },
  },
};

// Product inputs shared by productCreate, productUpdate and productSet: checks that yield
// userErrors, and applying the fields a caller sent (fields left out stay as they are).
import { addMedia, joinCollection, leaveCollection, productByHandle } from '../store/catalog.js';
import { writeMetafield } from '../store/metafields.js';
import { normalizeTags, userError } from './inputs.js';

const PRODUCT_FIELDS = ['title', 'descriptionHtml', 'handle', 'vendor', 'productType', 'status', 'templateSuffix'];

/** userErrors for a product input; `product` is null when creating. `at` prefixes field paths. */
export function productInputErrors(store, input, product, at = []) {
  const errors = [];
  if ((!product || input.title !== undefined) && !String(input.title ?? '').trim()) {
    errors.push(userError([...at, 'title'], "Title can't be blank"));
  }
  const owner = input.handle ? productByHandle(store, input.handle) : null;
  if (owner && owner !== product) {
    errors.push(userError([...at, 'handle'], `Handle '${input.handle}' already in use. Please provide a new handle.`));
  }
  for (const name of ['collectionsToJoin', 'collectionsToLeave', 'collections']) {
    (input[name] ?? []).forEach((id, index) => {
      if (!store.nodeOfType('Collection', id)) errors.push(userError([...at, name, index], 'Collection does not exist'));
    });
  }
  return errors;
}

export function mediaInputErrors(media, at = ['media']) {
  return (media ?? []).flatMap((item, index) => (item.mediaContentType === 'IMAGE' ? []
    : [userError([...at, index, 'mediaContentType'], 'The sandbox stores IMAGE media only.')]));
}

/** Applies the product fields present in `input`; says whether anything changed. */
export function applyProductInput(store, product, input) {
  let changed = false;
  const set = (name, value) => {
    if (JSON.stringify(product[name]) === JSON.stringify(value)) return;
    product[name] = value;
    changed = true;
  };
  for (const name of PRODUCT_FIELDS) if (input[name] !== undefined && input[name] !== null) set(name, input[name]);
  if (input.tags) set('tags', normalizeTags(input.tags));
  if (product.status === 'ACTIVE' && !product.publishedAt) product.publishedAt = store.clock.now();
  for (const id of input.collectionsToJoin ?? []) {
    const collection = store.node(id);
    if (!collection.productIds.includes(product.id)) { joinCollection(store, collection, product); changed = true; }
  }
  for (const id of input.collectionsToLeave ?? []) {
    const collection = store.node(id);
    if (collection.productIds.includes(product.id)) { leaveCollection(collection, product); changed = true; }
  }
  for (const metafield of input.metafields ?? []) {
    writeMetafield(store, product, metafield);
    changed = true;
  }
  return changed;
}

export function addMediaInputs(store, product, media) {
  for (const item of media ?? []) addMedia(store, product, { url: item.originalSource, alt: item.alt ?? null });
  return (media ?? []).length > 0;
}

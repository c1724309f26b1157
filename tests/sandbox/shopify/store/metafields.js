// Metafields on any owner (product, variant, collection, shop), with Shopify's compareDigest:
// an opaque fingerprint of the stored value that metafieldsSet can compare-and-set against.
import { createHash } from 'node:crypto';

/** Where a metafield lives when the caller gives no namespace: the app's reserved namespace. */
export const APP_NAMESPACE = '$app';

export function metafieldsOf(store, ownerId) {
  return store.owned('Metafield', ownerId);
}

export function findMetafield(store, ownerId, namespace, key) {
  return metafieldsOf(store, ownerId).find((metafield) => metafield.namespace === namespace && metafield.key === key) ?? null;
}

function digest(metafield) {
  const { namespace, key, type, value, updatedAt } = metafield;
  return createHash('sha256').update(JSON.stringify([namespace, key, type, value, updatedAt])).digest('hex');
}

/** Creates or overwrites the owner's metafield namespace.key. */
export function writeMetafield(store, owner, { namespace = APP_NAMESPACE, key, type, value }) {
  const now = store.clock.tick();
  const existing = findMetafield(store, owner.id, namespace, key);
  const metafield = existing ?? store.add('Metafield', {
    ownerId: owner.id, ownerType: ownerTypeOf(owner), namespace, key, createdAt: now,
  });
  Object.assign(metafield, { type: type ?? metafield.type, value, updatedAt: now });
  metafield.compareDigest = digest(metafield);
  return metafield;
}

function ownerTypeOf(owner) {
  return { ProductVariant: 'PRODUCTVARIANT', MediaImage: 'MEDIA_IMAGE' }[owner.__typename] ?? owner.__typename.toUpperCase();
}

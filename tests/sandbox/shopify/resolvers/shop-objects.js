// Fields of the shop's other records (collections, media, metafields, the shop itself) and the
// metafields every HasMetafields owner exposes.
import { gid } from '../ids.js';
import { findMetafield, metafieldsOf } from '../store/metafields.js';
import { connection } from './connection.js';
import { imageOf, plainText } from './products.js';

/** Metafield types whose value is JSON text, so jsonValue is the parsed value. */
const JSON_TYPES = /^(json|boolean|number_integer|number_decimal|rating|dimension|volume|weight|money|list\.)/;

function jsonValue(metafield) {
  if (!JSON_TYPES.test(metafield.type ?? '')) return metafield.value;
  try {
    return JSON.parse(metafield.value);
  } catch {
    return metafield.value;
  }
}

export const shopObjectResolvers = {
  HasMetafields: {
    metafields: (owner, args, context) => connection(
      metafieldsOf(context.store, owner.id).filter((metafield) => (!args.namespace || metafield.namespace === args.namespace)
        && (!args.keys || args.keys.includes(`${metafield.namespace}.${metafield.key}`))), args, context),
    metafield: (owner, { namespace, key }, { store }) => findMetafield(store, owner.id, namespace ?? '$app', key),
  },
  Metafield: {
    jsonValue,
    owner: (metafield, _, { store }) => store.node(metafield.ownerId),
    sizeInBytes: (metafield) => Buffer.byteLength(metafield.value ?? ''),
  },
  Collection: {
    products: (collection, args, context) => connection(collection.productIds.map((id) => context.store.node(id)), args, context, {
      TITLE: (product) => product.title.toLowerCase(),
      CREATED: (product) => product.createdAt,
      ID: () => null,
    }[args.sortKey] ?? ((product) => collection.productIds.indexOf(product.id))),
    productsCount: (collection) => ({ count: collection.productIds.length, precision: 'EXACT' }),
    hasProduct: (collection, { id }) => collection.productIds.includes(id),
    description: (collection, { truncateAt }) => plainText(collection.descriptionHtml, truncateAt),
  },
  MediaImage: {
    image: (media) => imageOf(media),
    preview: (media) => ({ image: imageOf(media), status: media.status }),
    originalSource: (media) => ({ url: media.url, fileSize: null }),
  },
  Shop: {
    primaryDomain: (shop) => ({
      __typename: 'Domain', id: gid('Domain', shop.legacyResourceId), host: shop.myshopifyDomain, url: shop.url, sslEnabled: true,
    }),
  },
};

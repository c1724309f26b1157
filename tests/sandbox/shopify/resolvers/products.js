// Product and ProductVariant fields the store derives rather than holds: their relations
// (variants, media, collections, inventory), counts, prices and options.
import { gid } from '../ids.js';
import { availableOf, collectionsOf, variantsOf } from '../store/catalog.js';
import { totalInventory, variantSortValue } from './catalog-search.js';
import { connection } from './connection.js';

export function imageOf(media) {
  if (!media) return null;
  return {
    id: gid('ProductImage', media.legacyResourceId), legacyResourceId: media.legacyResourceId, url: media.url, src: media.url, originalSrc: media.url, transformedSrc: media.url,
    altText: media.alt, width: null, height: null,
  };
}

export function plainText(html, truncateAt) {
  const text = String(html ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return truncateAt && text.length > truncateAt ? `${text.slice(0, Math.max(0, truncateAt - 3))}...` : text;
}

function options(product, variants) {
  const names = [...new Set(variants.flatMap((variant) => variant.selectedOptions.map((option) => option.name)))];
  return names.map((name, index) => {
    const values = [...new Set(variants.map((variant) => variant.selectedOptions.find((option) => option.name === name)?.value).filter(Boolean))];
    return {
      __typename: 'ProductOption', id: gid('ProductOption', `${product.legacyResourceId}${index + 1}`), name, position: index + 1, values,
      optionValues: values.map((value, valueIndex) => ({
        __typename: 'ProductOptionValue', id: gid('ProductOptionValue', `${product.legacyResourceId}${index + 1}${valueIndex + 1}`),
        name: value, hasVariants: true,
      })),
    };
  });
}

function priceRange(variants, currencyCode) {
  const prices = variants.map((variant) => Number(variant.price));
  const amount = (value) => ({ amount: (Number.isFinite(value) ? value : 0).toFixed(2), currencyCode });
  return { minVariantPrice: amount(Math.min(...prices)), maxVariantPrice: amount(Math.max(...prices)) };
}

function isTracked(store, variant) {
  return store.node(variant.inventoryItemId).tracked;
}

export const productResolvers = {
  Product: {
    variants: (product, args, context) => connection(variantsOf(context.store, product), args, context,
      variantSortValue(context.store, args.sortKey)),
    variantsCount: (product) => ({ count: product.variantIds.length, precision: 'EXACT' }),
    totalVariants: (product) => product.variantIds.length,
    media: (product, args, context) => connection(product.mediaIds.map((id) => context.store.node(id)), args, context),
    mediaCount: (product) => ({ count: product.mediaIds.length, precision: 'EXACT' }),
    featuredMedia: (product, _, { store }) => store.node(product.mediaIds[0] ?? ''),
    images: (product, args, context) => connection(product.mediaIds.map((id) => imageOf(context.store.node(id))), args, context),
    featuredImage: (product, _, { store }) => imageOf(store.node(product.mediaIds[0] ?? '')),
    collections: (product, args, context) => connection(collectionsOf(context.store, product), args, context),
    inCollection: (product, { id }, { store }) => store.nodeOfType('Collection', id)?.productIds.includes(product.id) ?? false,
    description: (product, { truncateAt }) => plainText(product.descriptionHtml, truncateAt),
    bodyHtml: (product) => product.descriptionHtml,
    totalInventory: (product, _, { store }) => totalInventory(store, product),
    tracksInventory: (product, _, { store }) => variantsOf(store, product).some((variant) => isTracked(store, variant)),
    hasOnlyDefaultVariant: (product, _, { store }) => variantsOf(store, product).every((variant) => variant.title === 'Default Title'),
    hasOutOfStockVariants: (product, _, { store }) => variantsOf(store, product).some((variant) => availableOf(store, variant) <= 0),
    options: (product, { first }, { store }) => options(product, variantsOf(store, product)).slice(0, first ?? undefined),
    priceRangeV2: (product, _, { store }) => priceRange(variantsOf(store, product), store.shop.currencyCode),
    priceRange: (product, _, { store }) => priceRange(variantsOf(store, product), store.shop.currencyCode),
  },
  ProductVariant: {
    product: (variant, _, { store }) => store.node(variant.productId),
    inventoryItem: (variant, _, { store }) => store.node(variant.inventoryItemId),
    inventoryQuantity: (variant, _, { store }) => availableOf(store, variant),
    sellableOnlineQuantity: (variant, _, { store }) => Math.max(0, availableOf(store, variant)),
    availableForSale: (variant, _, { store }) => store.node(variant.productId).status === 'ACTIVE'
      && (!isTracked(store, variant) || variant.inventoryPolicy === 'CONTINUE' || availableOf(store, variant) > 0),
    displayName: (variant, _, { store }) => `${store.node(variant.productId).title} - ${variant.title}`,
  },
};

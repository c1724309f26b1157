// Helpers shared by the mutation resolvers: userErrors as Shopify shapes them (field paths are
// strings, indices included), its input array limit, and Money values as Shopify stores them.
import { badRequest } from '../errors/shopify.js';

export function userError(field, message, code) {
  return code === undefined ? { field: field.map(String), message } : { field: field.map(String), message, code };
}

/** Shopify refuses an input list longer than its limit before running the mutation. */
export function checkInputSize(list, limit = 250) {
  if (list && list.length > limit) {
    throw badRequest(`The input array size of ${list.length} is greater than the maximum allowed of ${limit}.`, 'MAX_INPUT_SIZE_EXCEEDED');
  }
}

/** A Money input ("12.5", 12.5) as Shopify returns it ("12.50"); null stays null. */
export function money(value) {
  return value === null || value === undefined ? null : Number(value).toFixed(2);
}

export function isMoney(value) {
  return value === null || value === undefined || Number.isFinite(Number(value));
}

/** Tags as Shopify keeps them: comma-separated entries split, trimmed, de-duplicated. */
export function normalizeTags(tags) {
  return [...new Set(tags.flatMap((tag) => tag.split(',')).map((tag) => tag.trim()).filter(Boolean))];
}

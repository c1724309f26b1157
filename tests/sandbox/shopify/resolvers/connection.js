// Relay connections the way Shopify pages them: ordered by a sort key then by ID, with opaque
// keyset cursors (base64 of {"last_id", "last_value"}), so a page boundary survives records
// changing between requests. One of first/last is required, at most 250. A bulk query reads
// whole connections, so there the page arguments are ignored.
import { badRequest } from '../errors/shopify.js';

const MAX_PAGE_SIZE = 250;

function encodeCursor({ id, value }) {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString('base64');
}

function decodeCursor(cursor) {
  const invalid = () => badRequest('Invalid cursor for current pagination sort.');
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Number.isInteger(decoded?.last_id)) throw invalid();
  return { id: decoded.last_id, value: decoded.last_value };
}

function compareKeys(a, b) {
  if (a.value !== b.value) return (a.value ?? '') < (b.value ?? '') ? -1 : 1;
  return a.id - b.id;
}

function checkPageArguments({ first, last }) {
  if (first == null && last == null) throw badRequest('you must provide one of first or last');
  if (first != null && last != null) throw badRequest('providing both first and last is not supported');
  for (const [name, size] of [['first', first], ['last', last]]) {
    if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw badRequest(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}; use a bulk operation for more.`);
    }
  }
}

/**
 * One page of `items` as a connection. `sortValue(item)` is the sort key (default: the ID);
 * `reverse` flips the order, `after`/`before` take cursors from an earlier page.
 */
export function connection(items, args, context, sortValue = () => null) {
  const direction = args.reverse ? -1 : 1;
  const keyed = items
    .map((item) => ({ item, id: Number(item.legacyResourceId), value: sortValue(item) }))
    .sort((a, b) => direction * compareKeys(a, b));
  let page = keyed;
  if (!context.wholeConnections) {
    checkPageArguments(args);
    const after = args.after == null ? null : decodeCursor(args.after);
    const before = args.before == null ? null : decodeCursor(args.before);
    page = keyed.filter((key) => (!after || direction * compareKeys(key, after) > 0) && (!before || direction * compareKeys(key, before) < 0));
    page = args.first != null ? page.slice(0, args.first) : page.slice(Math.max(0, page.length - args.last));
  }
  const firstIndex = keyed.indexOf(page[0]);
  const lastIndex = keyed.indexOf(page.at(-1));
  const edges = page.map((key) => ({ cursor: encodeCursor(key), node: key.item }));
  return {
    edges,
    nodes: page.map((key) => key.item),
    pageInfo: {
      hasNextPage: page.length > 0 && lastIndex < keyed.length - 1,
      hasPreviousPage: page.length > 0 && firstIndex > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

// Shopify global IDs: gid://shopify/<Type>/<number>[?<params>].

export function gid(type, number, params = '') {
  return `gid://shopify/${type}/${number}${params}`;
}

/** { type, number } of a Shopify GID, or null when the string is not one. */
export function parseGid(id) {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)/.exec(String(id));
  return match ? { type: match[1], number: match[2] } : null;
}

/** The numeric part REST payloads use in place of the GID. */
export function legacyId(id) {
  return Number(parseGid(id)?.number);
}

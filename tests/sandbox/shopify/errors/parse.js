// Syntax errors worded as Shopify (graphql-ruby) words them: `Parse error on "}" (RCURLY) at [1, 9]`,
// or "Unexpected end of document", with the location and no extensions.

const PUNCTUATORS = {
  '{': 'LCURLY', '}': 'RCURLY', '(': 'LPAREN', ')': 'RPAREN', '[': 'LBRACKET', ']': 'RBRACKET', ':': 'COLON',
  $: 'VAR_SIGN', '!': 'BANG', '=': 'EQUALS', '@': 'DIR_SIGN', '...': 'ELLIPSIS', '|': 'PIPE', '&': 'AMP',
};
const KEYWORDS = ['query', 'mutation', 'subscription', 'fragment', 'on', 'true', 'false', 'null'];

/** The token graphql-ruby would name at `position`: [text, kind]. */
function tokenAt(source, position) {
  const rest = source.slice(position);
  const punctuator = rest.startsWith('...') ? '...' : rest[0];
  if (PUNCTUATORS[punctuator]) return [punctuator, PUNCTUATORS[punctuator]];
  const name = /^[_A-Za-z][_0-9A-Za-z]*/.exec(rest)?.[0];
  if (name) return [name, KEYWORDS.includes(name) ? name.toUpperCase() : 'IDENTIFIER'];
  const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
  if (number) return [number[0], number[1] || number[2] ? 'FLOAT' : 'INT'];
  if (rest[0] === '"') return [/^"(?:[^"\\\n]|\\.)*"?/.exec(rest)[0], 'STRING'];
  return [rest[0], 'UNKNOWN_CHAR'];
}

export function shopifyParseError(syntaxError, source) {
  const [position] = syntaxError.positions ?? [source.length];
  const locations = syntaxError.locations ?? [];
  if (position >= source.trimEnd().length) return { message: 'Unexpected end of document', locations };
  const [text, kind] = tokenAt(source, position);
  const { line, column } = locations[0] ?? { line: 1, column: 1 };
  return { message: `Parse error on ${JSON.stringify(text)} (${kind}) at [${line}, ${column}]`, locations };
}

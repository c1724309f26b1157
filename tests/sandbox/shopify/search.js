// Shopify's search syntax (shopify.dev/docs/api/usage/search-syntax), as the `query:` argument of
// products, productVariants, collections… takes it: terms joined by AND (also implied by a space)
// or OR, negated by NOT or a leading "-", grouped by parentheses. A term is bare text or
// field:value, with an optional comparator (field:>value, >=, <, <=); values may be quoted and may
// end in * for a prefix match. Like Shopify, a field the resource does not know is ignored (it
// is dropped) and reported as a warning in extensions.search.

/** How a field's values compare: text (contains, any case), exact (equal, any case), date, number. */
export const TEXT = 'text';
export const EXACT = 'exact';
export const DATE = 'date';
export const NUMBER = 'number';

function tokenize(text) {
  const tokens = [];
  for (let i = 0; i < text.length;) {
    if (/\s/.test(text[i])) { i += 1; continue; }
    if (text[i] === '(' || text[i] === ')') { tokens.push(text[i]); i += 1; continue; }
    let word = '';
    while (i < text.length && !/[\s()]/.test(text[i])) {
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        const end = close === -1 ? text.length : close + 1;
        word += text.slice(i, end);
        i = end;
      } else {
        word += text[i];
        i += 1;
      }
    }
    tokens.push(word);
  }
  return tokens;
}

function parseTerm(word) {
  const negated = word.startsWith('-') && word.length > 1;
  const [, field = null, rest] = /^(?:([A-Za-z_][\w.]*):)?(.*)$/s.exec(negated ? word.slice(1) : word);
  const [, comparator = ':', raw] = /^(>=|<=|>|<)?(.*)$/s.exec(rest);
  const quoted = /^(["']).*\1$/s.test(raw);
  const prefix = !quoted && raw.endsWith('*');
  const value = quoted ? raw.slice(1, -1) : raw.replace(/\*$/, '');
  const term = { term: { field, comparator, value, prefix } };
  return negated ? { not: term } : term;
}

function parse(tokens) {
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const unary = () => {
    if (peek() === 'NOT') { next(); return { not: unary() }; }
    if (peek() === '(') {
      next();
      const group = disjunction();
      if (peek() === ')') next();
      return group;
    }
    return parseTerm(next());
  };
  const conjunction = () => {
    const parts = [unary()];
    while (peek() !== undefined && peek() !== ')' && peek() !== 'OR') {
      if (peek() === 'AND') next();
      if (peek() !== undefined && peek() !== ')') parts.push(unary());
    }
    return { and: parts };
  };
  const disjunction = () => {
    const parts = [conjunction()];
    while (peek() === 'OR') { next(); parts.push(conjunction()); }
    return { or: parts };
  };
  return tokens.length ? disjunction() : { and: [] };
}

function compare(actual, comparator, expected) {
  switch (comparator) {
    case '>': return actual > expected;
    case '>=': return actual >= expected;
    case '<': return actual < expected;
    case '<=': return actual <= expected;
    default: return actual === expected;
  }
}

function matchesValue(kind, candidate, { comparator, value, prefix }) {
  if (candidate === null || candidate === undefined) return false;
  if (kind === DATE) return compare(Date.parse(candidate), comparator, Date.parse(value));
  if (kind === NUMBER) return compare(Number(candidate), comparator, Number(value));
  const actual = String(candidate).toLowerCase();
  const wanted = value.toLowerCase();
  if (prefix) return kind === TEXT ? actual.split(/\s+/).some((word) => word.startsWith(wanted)) : actual.startsWith(wanted);
  return kind === TEXT ? actual.includes(wanted) : actual === wanted;
}

/**
 * A predicate over records for a search string. `fields` maps each searchable field (and
 * `default`, for bare text) to { kind, values(record) → candidate values }. Terms on fields the
 * resource does not know are dropped, and reported in `warnings` as Shopify words them.
 */
export function searchPredicate(text, fields, warnings = []) {
  const known = (node) => {
    if (node.and || node.or) {
      const parts = (node.and ?? node.or).map(known).filter(Boolean);
      return parts.length ? { [node.and ? 'and' : 'or']: parts } : null;
    }
    if (node.not) {
      const inner = known(node.not);
      return inner && { not: inner };
    }
    if (fields[node.term.field ?? 'default']) return node;
    warnings.push({ field: node.term.field, message: 'Invalid search field for this query.', code: 'invalid_field' });
    return null;
  };
  const evaluate = (node, record) => {
    if (node.and) return node.and.every((part) => evaluate(part, record));
    if (node.or) return node.or.some((part) => evaluate(part, record));
    if (node.not) return !evaluate(node.not, record);
    const spec = fields[node.term.field ?? 'default'];
    return spec.values(record).some((candidate) => matchesValue(spec.kind, candidate, node.term));
  };
  const tree = known(parse(tokenize(text ?? '')));
  return (record) => !tree || evaluate(tree, record);
}

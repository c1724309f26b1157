// The @idempotent(key:) directive (2026-01+): a mutation carrying a key it has seen before, with
// the same arguments, is not applied again; it answers what the first call answered. The same key
// with other arguments is refused. Keys are kept for the simulator's lifetime (Shopify: a window).
import { getDirectiveValues } from 'graphql';

export class IdempotencyLedger {
  #answers = new Map();

  /** The key on the mutation field being resolved, or undefined when it carries no @idempotent. */
  static keyOf(info) {
    return getDirectiveValues(info.schema.getDirective('idempotent'), info.fieldNodes[0], info.variableValues)?.key;
  }

  /** Keys seen so far, in first-use order. */
  keys() {
    return [...this.#answers.keys()];
  }

  /** What the key answered before: { arguments, payload }, or undefined. */
  previous(key) {
    return this.#answers.get(key);
  }

  remember(key, args, payload) {
    this.#answers.set(key, { arguments: args, payload });
  }

  clear() {
    this.#answers.clear();
  }
}

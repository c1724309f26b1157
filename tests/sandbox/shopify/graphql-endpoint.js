// POST /admin/api/{version}/graphql.json, answered as Shopify answers it: syntax, validation and
// variable errors first (HTTP 200, no cost), then the calculated cost — over 1,000 refused with
// MAX_COST_EXCEEDED, over what the bucket holds refused with THROTTLED — then execution, with
// the requested cost charged up front, the unused part refunded, and extensions.cost reported.
import { parse } from 'graphql';
import { MAX_QUERY_COST, requestedCost } from './cost.js';
import { shopifyParseError } from './errors/parse.js';
import { maxCostExceededError, throttledError } from './errors/shopify.js';
import { runOperation, selectOperation, validationErrors } from './execute.js';

const MISSING_QUERY = { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };

function answer(body) {
  return { status: 200, body };
}

/** → { status, body } for one request body ({ query, variables, operationName }). */
export async function answerGraphQL({ schema, request, services, bucket, forceThrottle, counters }) {
  const { query, variables, operationName } = request ?? {};
  if (typeof query !== 'string' || !query.trim()) return MISSING_QUERY;
  let document;
  try {
    document = parse(query);
  } catch (syntaxError) {
    return answer({ errors: [shopifyParseError(syntaxError, query)] });
  }
  const invalid = validationErrors(schema, document);
  if (invalid.length) return answer({ errors: invalid });
  const { operation, error } = selectOperation(document, operationName);
  if (error) return answer({ errors: [error] });

  const values = variables ?? {};
  const requested = requestedCost(schema, document, operation, values);
  if (requested > MAX_QUERY_COST) {
    counters.max_cost_exceeded += 1;
    return answer({ errors: [maxCostExceededError(requested, MAX_QUERY_COST)] });
  }
  if (forceThrottle || !bucket.tryTake(requested)) {
    counters.throttled += 1;
    const cost = { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: bucket.status() };
    return answer({ errors: [throttledError()], extensions: { cost } });
  }

  const isQuery = operation.operation === 'query';
  const result = await runOperation({ schema, document, operation, variables: values, services, meterCost: isQuery });
  const actual = result.data === undefined ? 0 : isQuery ? result.actualCost : requested;
  bucket.refund(requested - actual);
  counters.cost_spent += actual;
  if (!isQuery) counters.mutations += Object.values(result.data ?? {}).filter((payload) => payload !== null).length;
  const extensions = { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } };
  if (result.searchWarnings.length) extensions.search = result.searchWarnings;
  const body = result.errors ? { errors: result.errors } : {};
  if (result.data !== undefined) body.data = result.data;
  return answer({ ...body, extensions });
}

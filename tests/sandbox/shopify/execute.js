// Running a parsed document against the Admin schema and the store, with Shopify's checks and
// error shapes. Used by the GraphQL endpoint (which adds cost and throttling) and by bulk
// operations (which run without either).
import { randomUUID } from 'node:crypto';
import { execute, getOperationAST, validate } from 'graphql';
import { actualCostOf } from './cost.js';
import { internalError } from './errors/shopify.js';
import { shopifyValidationError } from './errors/validation.js';
import { shopifyVariableErrors } from './errors/variables.js';
import { fieldResolver, typeResolver } from './resolvers/index.js';

/** Validation errors, worded as Shopify words them. */
export function validationErrors(schema, document) {
  return validate(schema, document).map((error) => shopifyValidationError(schema, document, error));
}

/** The operation to run, or the error Shopify gives when the request does not pick one. */
export function selectOperation(document, operationName) {
  const operation = getOperationAST(document, operationName);
  if (operation) return { operation };
  const message = operationName ? `No operation named "${operationName}"` : 'An operation name is required';
  return { error: { message, extensions: { code: 'BAD_REQUEST' } } };
}

/** Execution errors as Shopify shows them; an error the resolvers did not mean is an internal error. */
function shopifyExecutionError(error, log) {
  if (error.extensions?.code) return error.toJSON();
  const requestId = randomUUID();
  log(`shopify: internal error ${requestId} at ${error.path?.join('.')}: ${error.originalError?.stack ?? error.message}`);
  return { ...internalError(requestId), path: error.path };
}

/**
 * Runs `operation` of `document` with `variables` (checked as Shopify checks them first).
 * `services` are what resolvers use (store, bulk, uploads, idempotency, apiVersion, log);
 * `wholeConnections` (bulk operations) lifts paging; `meterCost` counts the actual query cost.
 */
export async function runOperation({ schema, document, operation, variables, services, wholeConnections = false, meterCost = false }) {
  const variableErrors = shopifyVariableErrors(schema, operation, variables, document.loc.source);
  if (variableErrors.length) return { errors: variableErrors, actualCost: 0, searchWarnings: [] };
  const context = {
    ...services, wholeConnections, searchWarnings: [], actualCost: 0,
    meter: meterCost ? (type, value) => { context.actualCost += actualCostOf(type, value); } : () => {},
  };
  const result = await execute({
    schema, document, operationName: operation.name?.value, variableValues: variables, rootValue: {},
    contextValue: context, fieldResolver, typeResolver,
  });
  return {
    data: result.data,
    errors: result.errors?.map((error) => shopifyExecutionError(error, services.log)),
    actualCost: context.actualCost,
    searchWarnings: context.searchWarnings,
  };
}

// Error bodies Shopify's Admin API returns outside GraphQL validation, worded as observed live.
import { GraphQLError } from 'graphql';

const RATE_LIMITS_DOCUMENTATION = 'https://shopify.dev/api/usage/rate-limits';

export const INVALID_TOKEN_BODY = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };
export const NOT_FOUND_BODY = { errors: 'Not Found' };

/** An execution error for a request Shopify refuses as malformed (code BAD_REQUEST). */
export function badRequest(message, code = 'BAD_REQUEST') {
  return new GraphQLError(message, { extensions: { code } });
}

export function throttledError() {
  return { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: RATE_LIMITS_DOCUMENTATION } };
}

export function maxCostExceededError(cost, maxCost) {
  return {
    message: `Query cost is ${cost}, which exceeds the single query max cost limit (${maxCost}).\n\n`
      + 'See https://shopify.dev/docs/api/usage/rate-limits for more information on how the\ncost of a query is calculated.\n\n'
      + 'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n'
      + 'See https://shopify.dev/docs/api/usage/bulk-operations/queries for usage details.\n',
    extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost, documentation: RATE_LIMITS_DOCUMENTATION },
  };
}

export function internalError(requestId) {
  return {
    message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

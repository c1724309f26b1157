// Bulk operation and staged upload fields; the work happens in bulk/operations.js.
import { DATE, EXACT, searchPredicate } from '../search.js';
import { connection } from './connection.js';

const BULK_OPERATION_SEARCH_FIELDS = {
  status: { kind: EXACT, values: (operation) => [operation.status] },
  operation_type: { kind: EXACT, values: (operation) => [operation.type] },
  created_at: { kind: DATE, values: (operation) => [operation.createdAt] },
};

export const bulkResolvers = {
  QueryRoot: {
    bulkOperation: (_, { id }, { store }) => store.nodeOfType('BulkOperation', id),
    currentBulkOperation: (_, { type }, { bulk }) => bulk.latest(type ?? 'QUERY'),
    bulkOperations: (_, args, context) => connection(
      context.store.all('BulkOperation').filter(searchPredicate(args.query, BULK_OPERATION_SEARCH_FIELDS)), args, context,
      args.sortKey === 'COMPLETED_AT' ? (operation) => operation.completedAt : (operation) => operation.createdAt),
  },
  Mutation: {
    bulkOperationRunQuery: (_, { query }, { bulk }) => bulk.runQuery(query),
    bulkOperationRunMutation: (_, { mutation, stagedUploadPath }, { bulk }) => bulk.runMutation(mutation, stagedUploadPath),
    bulkOperationCancel: (_, { id }, { bulk }) => bulk.cancel(id),
    stagedUploadsCreate: (_, { input }, { uploads }) => ({ stagedTargets: input.map((target) => uploads.target(target)), userErrors: [] }),
  },
};

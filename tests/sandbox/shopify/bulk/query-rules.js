// What Shopify accepts as a bulk query (shopify.dev/docs/api/usage/bulk-operations/queries): a
// valid query with at least one connection, at most five, nested at most two deep, no top-level
// node/nodes, and an `id` on every node that has a nested connection (its lines need a parent).
import { getNamedType, Kind, parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { isConnectionType } from '../cost.js';

const MAX_CONNECTIONS = 5;
const MAX_NESTING = 2;

/** The problem with a bulk query, worded for a userError, or null if Shopify would run it. */
export function bulkQueryProblem(schema, text) {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    return `Invalid bulk query: ${error.message}`;
  }
  const [invalid] = validate(schema, document);
  if (invalid) return `Invalid bulk query: ${invalid.message}`;
  if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation !== 'query')) {
    return 'Invalid bulk query: only queries can run as a bulk query operation.';
  }

  const typeInfo = new TypeInfo(schema);
  const openConnections = [];
  const nodeSelections = [];
  let connections = 0;
  let problem = null;
  visit(document, visitWithTypeInfo(typeInfo, {
    Field: {
      enter(field, key, parent, path, ancestors) {
        const name = field.name.value;
        if ((name === 'node' || name === 'nodes') && !ancestors.some((ancestor) => ancestor.kind === Kind.FIELD)) {
          problem ??= 'Bulk queries cannot contain a top level `node` or `nodes` field.';
        }
        if (name === 'node' || name === 'nodes') nodeSelections.push(field);
        if (!isConnectionType(getNamedType(typeInfo.getType()))) return;
        connections += 1;
        const parentNode = nodeSelections.at(-1);
        if (openConnections.length && !parentNode?.selectionSet.selections.some((selection) => selection.name?.value === 'id')) {
          problem ??= `The parent 'node' field for a nested connection must select the 'id' field. Connection fields without 'id': ${name}.`;
        }
        openConnections.push(field);
        if (openConnections.length > MAX_NESTING) problem ??= `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_NESTING}.`;
      },
      leave(field) {
        if (openConnections.at(-1) === field) openConnections.pop();
        if (nodeSelections.at(-1) === field) nodeSelections.pop();
      },
    },
  }));
  if (problem) return problem;
  if (connections === 0) return 'Bulk queries must contain at least one connection.';
  if (connections > MAX_CONNECTIONS) return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
  return null;
}

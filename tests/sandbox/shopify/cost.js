// Shopify's calculated query cost (shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
// scalars and enums cost 0, an object 1, an interface or union the most expensive of its possible
// selections, a connection 2 plus its page size (first/last) times the cost of one node, and a
// mutation 10. The requested cost is worked out from the document before it runs, assuming every
// page comes back full and leaving out what @skip / @include leave out (as the execution does);
// the actual cost counts what the response really holds.
import {
  getDirectiveValues, getNamedType, GraphQLIncludeDirective, GraphQLSkipDirective, isAbstractType, isLeafType, isObjectType, Kind,
} from 'graphql';

export const MAX_QUERY_COST = 1000;
const MUTATION_COST = 10;
const CONNECTION_COST = 2;

export function isConnectionType(type) {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

/** Types that belong to their connection and cost nothing of their own. */
function isConnectionPart(type) {
  return type.name === 'PageInfo' || (type.name.endsWith('Edge') && 'cursor' in type.getFields());
}

export function requestedCost(schema, document, operation, variables) {
  const fragments = Object.fromEntries(document.definitions
    .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((definition) => [definition.name.value, definition]));

  const applies = (condition, type) => {
    if (!condition) return true;
    const conditionType = schema.getType(condition.name.value);
    return conditionType === type || (isAbstractType(conditionType) && schema.isSubType(conditionType, type));
  };
  const isIncluded = (selection) => getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if !== true
    && getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if !== false;
  const fieldsOn = (type, selectionSet) => (selectionSet?.selections ?? []).filter(isIncluded).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
    return fragment && applies(fragment.typeCondition, type) ? fieldsOn(type, fragment.selectionSet) : [];
  });
  const pageSize = (fieldNode) => {
    const argument = fieldNode.arguments.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
    if (!argument) return 0;
    const value = argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : Number(argument.value.value);
    return Number.isInteger(value) && value > 0 ? value : 0;
  };
  const selectionCost = (type, selectionSet) => (isAbstractType(type)
    ? Math.max(0, ...schema.getPossibleTypes(type).map((possible) => selectionCost(possible, selectionSet)))
    : fieldsOn(type, selectionSet).reduce((sum, fieldNode) => sum + fieldCost(type, fieldNode), 0));
  const nodeCost = (connectionType, selectionSet) => {
    const nodeType = getNamedType(connectionType.getFields().nodes?.type ?? connectionType.getFields().edges.type);
    const costs = fieldsOn(connectionType, selectionSet).flatMap((fieldNode) => {
      if (fieldNode.name.value === 'nodes') return [1 + selectionCost(nodeType, fieldNode.selectionSet)];
      if (fieldNode.name.value !== 'edges') return [];
      const edgeType = getNamedType(connectionType.getFields().edges.type);
      return fieldsOn(edgeType, fieldNode.selectionSet)
        .filter((edgeField) => edgeField.name.value === 'node')
        .map((edgeField) => 1 + selectionCost(getNamedType(edgeType.getFields().node.type), edgeField.selectionSet));
    });
    return Math.max(0, ...costs);
  };
  const fieldCost = (parentType, fieldNode) => {
    const definition = parentType.getFields()[fieldNode.name.value];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (isLeafType(type)) return 0;
    if (isConnectionType(type)) return CONNECTION_COST + pageSize(fieldNode) * nodeCost(type, fieldNode.selectionSet);
    return 1 + selectionCost(type, fieldNode.selectionSet);
  };

  if (operation.operation === 'mutation') return MUTATION_COST * fieldsOn(schema.getMutationType(), operation.selectionSet).length;
  return selectionCost(schema.getQueryType(), operation.selectionSet);
}

/** What one resolved field adds to the actual cost of a query. */
export function actualCostOf(returnType, value) {
  const type = getNamedType(returnType);
  if (isLeafType(type) || value === null || value === undefined || isConnectionPart(type)) return 0;
  if (isConnectionType(type)) return CONNECTION_COST;
  return Array.isArray(value) ? value.filter((item) => item !== null && item !== undefined).length : 1;
}

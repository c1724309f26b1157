// Where in a document a node sits, as graphql-ruby reports it: the error `path` (operation, then
// fields by response key, inline fragments as "... on Type", arguments and input fields by name)
// and the schema context there (argument, field, directive).
import { BREAK, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

function segment(node) {
  switch (node.kind) {
    case Kind.OPERATION_DEFINITION: return node.name ? `${node.operation} ${node.name.value}` : node.operation;
    case Kind.FRAGMENT_DEFINITION: return `fragment ${node.name.value}`;
    case Kind.FIELD: return node.alias?.value ?? node.name.value;
    case Kind.INLINE_FRAGMENT: return node.typeCondition ? `... on ${node.typeCondition.name.value}` : '...';
    case Kind.ARGUMENT:
    case Kind.OBJECT_FIELD: return node.name.value;
    default: return null;
  }
}

export function locate(schema, document, target) {
  const typeInfo = new TypeInfo(schema);
  const ancestors = [];
  let found = null;
  visit(document, visitWithTypeInfo(typeInfo, {
    enter(node) {
      ancestors.push(node);
      if (node !== target) return undefined;
      found = {
        path: ancestors.map(segment).filter((part) => part !== null),
        operation: ancestors.find((ancestor) => ancestor.kind === Kind.OPERATION_DEFINITION) ?? null,
        argumentNode: ancestors.findLast((ancestor) => ancestor.kind === Kind.ARGUMENT) ?? null,
        argument: typeInfo.getArgument(), fieldDef: typeInfo.getFieldDef(), directive: typeInfo.getDirective(),
      };
      return BREAK;
    },
    leave() {
      ancestors.pop();
    },
  }));
  return found ?? { path: [], operation: null, argumentNode: null, argument: null, fieldDef: null, directive: null };
}

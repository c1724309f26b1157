// Validation errors as Shopify (graphql-ruby) reports them. graphql-js finds the same faults as
// graphql-ruby does; only the wording, the `path` and the `extensions` differ, so each graphql-js
// message is matched and reworded (graphql is pinned, so its wording is stable). A fault without
// a translation keeps graphql-js's message, with its path and no code.
import { print } from 'graphql';
import { locate } from './locate.js';

function operationLabel(operation) {
  return operation?.name?.value ?? `anonymous ${operation?.operation ?? 'query'}`;
}

function selectionNames(fieldNode) {
  return fieldNode.selectionSet.selections.map((selection) => selection.name?.value ?? selection.typeCondition?.name.value ?? '...');
}

/** [graphql-js message pattern, (match, context) → { message, extensions }]. */
const TRANSLATIONS = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, ([, fieldName, typeName]) => ({
    message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
    extensions: { code: 'undefinedField', typeName, fieldName } })],
  [/^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./, ([, argumentName, name]) => ({
    message: `Field '${name}' doesn't accept argument '${argumentName}'`,
    extensions: { code: 'argumentNotAccepted', name, typeName: 'Field', argumentName } })],
  [/^Unknown argument "(\w+)" on directive "@(\w+)"\./, ([, argumentName, name]) => ({
    message: `Directive '${name}' doesn't accept argument '${argumentName}'`,
    extensions: { code: 'argumentNotAccepted', name, typeName: 'Directive', argumentName } })],
  [/^(Field|Directive) "@?(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./, ([, className, name, args]) => ({
    message: `${className} '${name}' is missing required arguments: ${args}`,
    extensions: { code: 'missingRequiredArguments', className, name, arguments: args } })],
  [/^Variable "\$(\w+)" is never used/, ([, variableName], { operation }) => ({
    message: `Variable $${variableName} is declared by ${operationLabel(operation)} but not used`,
    extensions: { code: 'variableNotUsed', variableName } })],
  [/^Variable "\$(\w+)" is not defined/, ([, variableName], { operation }) => ({
    message: `Variable $${variableName} is used by ${operationLabel(operation)} but not declared`,
    extensions: { code: 'variableNotDefined', variableName } })],
  [/^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./, ([, name, typeName], { node }) => ({
    message: `Selections can't be made on scalars (field '${name}' returns ${typeName} but has selections [${selectionNames(node).join(', ')}])`,
    extensions: { code: 'selectionMismatch', nodeName: `field '${name}'`, typeName } })],
  [/^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/, ([, name, typeName]) => ({
    message: `Field must have selections (field '${name}' returns ${typeName} but has no selections. Did you mean '${name} { ... }'?)`,
    extensions: { code: 'selectionMismatch', nodeName: `field '${name}'`, typeName } })],
  [/^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./, ([, variableName, actual, expected], { argumentNode }) => {
    const problem = actual.replace(/!/g, '') === expected.replace(/!/g, '') ? 'Nullability mismatch' : 'Type mismatch';
    const argumentName = argumentNode?.name.value;
    return {
      message: `${problem} on variable $${variableName} and argument ${argumentName} (${actual} / ${expected})`,
      extensions: { code: 'variableMismatch', variableName, typeName: actual, argumentName, errorMessage: problem },
    };
  }],
  [/^Variable "\$(\w+)" cannot be non-input type "([^"]+)"\./, ([, variableName, typeName]) => ({
    message: `${typeName} isn't a valid input type (on $${variableName})`,
    extensions: { code: 'variableRequiresValidType', typeName, variableName } })],
  [/^Unknown directive "@(\w+)"\./, ([, directiveName]) => ({
    message: `Directive @${directiveName} is not defined`, extensions: { code: 'undefinedDirective', directiveName } })],
  [/^Fragment "(\w+)" is never used\./, ([, fragmentName]) => ({
    message: `Fragment ${fragmentName} was defined, but not used`, extensions: { code: 'useAndDefineFragment', fragmentName } })],
  [/^Unknown fragment "(\w+)"\./, ([, fragmentName]) => ({
    message: `Fragment ${fragmentName} was used, but not defined`, extensions: { code: 'useAndDefineFragment', fragmentName } })],
  [/^Field "(\w+)\.(\w+)" of required type "([^"]+)" was not provided\./, ([, inputObjectType, argumentName, argumentType]) => ({
    message: `Argument '${argumentName}' on InputObject '${inputObjectType}' is required. Expected type ${argumentType}`,
    extensions: { code: 'missingRequiredInputObjectAttribute', argumentName, argumentType, inputObjectType } })],
  [/^Field "(\w+)" is not defined by type "(\w+)"\./, ([, argumentName, name]) => ({
    message: `InputObject '${name}' doesn't accept argument '${argumentName}'`,
    extensions: { code: 'argumentNotAccepted', name, typeName: 'InputObject', argumentName } })],
  [/cannot represent|^Expected value of type|does not exist in ".*" enum|^Enum ".*" cannot represent/, (match, { argumentNode, argument, fieldDef, directive }) => {
    const owner = directive ? `Directive '${directive.name}'` : `Field '${fieldDef?.name}'`;
    return {
      message: `Argument '${argumentNode?.name.value}' on ${owner} has an invalid value (${argumentNode ? print(argumentNode.value) : ''}). Expected type '${argument?.type}'.`,
      extensions: { code: 'argumentLiteralsIncompatible', typeName: directive ? 'Directive' : 'Field', argumentName: argumentNode?.name.value },
    };
  }],
];

export function shopifyValidationError(schema, document, error) {
  const node = error.nodes?.at(-1);
  const context = { node, ...locate(schema, document, node) };
  const base = { locations: error.locations, path: context.path };
  for (const [pattern, translate] of TRANSLATIONS) {
    const match = pattern.exec(error.message);
    if (match) {
      const { message, extensions } = translate(match, context);
      return { message, ...base, extensions };
    }
  }
  return { message: error.message, ...base };
}

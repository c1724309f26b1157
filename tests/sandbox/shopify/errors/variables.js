// Variable values checked before execution, failing as Shopify does: one INVALID_VARIABLE error per
// bad variable, "Variable $id of type ID! was provided invalid value", with the value and a list of
// problems (path into the value, explanation). Shopify's ID scalar only takes global IDs.
import { coerceInputValue, getLocation, getNamedType, isInputObjectType, isListType, isNonNullType, typeFromAST } from 'graphql';

const GLOBAL_ID = /^gid:\/\/[^/]+\/[A-Za-z]+\/[^/]+$/;

function explanation(schema, error) {
  const { message } = error;
  if (/not to be null\.$|was not provided\.$/.test(message)) return 'Expected value to not be null';
  const unknownField = /^Field "\w+" is not defined by type "(\w+)"\./.exec(message);
  if (unknownField) return `Field is not defined on ${unknownField[1]}`;
  const unknownEnum = /^Value "(.*)" does not exist in "(\w+)" enum\./.exec(message);
  if (unknownEnum) {
    const values = schema.getType(unknownEnum[2]).getValues().map((value) => value.name).join(', ');
    return `Expected "${unknownEnum[1]}" to be one of: ${values}`;
  }
  const uncoercible = /^(\w+) cannot represent [^:]*: (.*)$/.exec(message);
  if (uncoercible) return `Could not coerce value ${uncoercible[2]} to ${uncoercible[1]}`;
  return message;
}

/** The field a graphql-js input error is about, when it names one beyond the error's path. */
function namedField(message) {
  return /^Field "(?:\w+\.)?(\w+)" (?:of required type|is not defined by)/.exec(message)?.[1];
}

function findBadGlobalIds(value, type, path, problems) {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    (Array.isArray(value) ? value : [value]).forEach((item, index) => findBadGlobalIds(item, inner.ofType, [...path, index], problems));
  } else if (isInputObjectType(inner)) {
    for (const [name, field] of Object.entries(inner.getFields())) findBadGlobalIds(value[name], field.type, [...path, name], problems);
  } else if (getNamedType(inner).name === 'ID' && !GLOBAL_ID.test(String(value))) {
    problems.push({ path, explanation: `Invalid global id '${value}'` });
  }
}

function problemsWith(schema, value, type) {
  const problems = [];
  if (value === undefined || value === null) {
    if (isNonNullType(type)) problems.push({ path: [], explanation: 'Expected value to not be null' });
    return problems;
  }
  coerceInputValue(value, type, (path, invalid, error) => {
    const field = namedField(error.message);
    problems.push({ path: field ? [...path, field] : path, explanation: explanation(schema, error) });
  });
  if (!problems.length) findBadGlobalIds(value, type, [], problems);
  return problems;
}

export function shopifyVariableErrors(schema, operation, variables, source) {
  const errors = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    const provided = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (!type || (provided === undefined && definition.defaultValue)) continue;
    const problems = problemsWith(schema, provided, type);
    if (!problems.length) continue;
    const located = problems.filter((problem) => problem.path.length);
    const detail = located.length ? ` for ${located.map((problem) => `${problem.path.join('.')} (${problem.explanation})`).join(', ')}` : '';
    errors.push({
      message: `Variable $${name} of type ${type} was provided invalid value${detail}`,
      locations: [getLocation(source, definition.loc.start)],
      extensions: { code: 'INVALID_VARIABLE', value: provided ?? null, problems },
    });
  }
  return errors;
}

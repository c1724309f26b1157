// What a field the store holds nothing for resolves to, so any valid document executes: null where
// the schema allows it, otherwise the type's empty value ("", 0, false, [], the first enum value,
// or an empty object whose own fields resolve the same way — an empty connection, an empty SEO…).
import { isAbstractType, isEnumType, isListType, isNonNullType, isScalarType } from 'graphql';

const SCALAR_DEFAULTS = {
  Int: 0, Float: 0, Boolean: false, UnsignedInt64: '0', Money: '0.0', Decimal: '0.0', JSON: {},
};

export function defaultValueFor(schema, type, clock) {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) return inner.name === 'DateTime' ? clock.now() : SCALAR_DEFAULTS[inner.name] ?? '';
  if (isAbstractType(inner)) return { __typename: schema.getPossibleTypes(inner)[0].name };
  return {};
}

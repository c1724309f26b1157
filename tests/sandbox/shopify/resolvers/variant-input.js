// Variant inputs (ProductVariantsBulkInput, ProductVariantSetInput): checks that yield userErrors
// and applying the fields a caller sent. The SKU and cost live on the inventory item.
import { writeMetafield } from '../store/metafields.js';
import { isMoney, money, userError } from './inputs.js';

const POUNDS_PER_UNIT = { POUNDS: 1, OUNCES: 1 / 16, KILOGRAMS: 2.20462262, GRAMS: 0.00220462262 };

export function priceErrors(input, at, code = 'INVALID_INPUT') {
  return ['price', 'compareAtPrice'].flatMap((name) => {
    if (!isMoney(input[name])) return [userError([...at, name], `${name === 'price' ? 'Price' : 'Compare at price'} is invalid`, code)];
    if (Number(input[name]) < 0) {
      return [userError([...at, name], `${name === 'price' ? 'Price' : 'Compare at price'} must be greater than or equal to 0`, 'GREATER_THAN_OR_EQUAL_TO')];
    }
    return [];
  });
}

/** Title and selected options from optionValues ([{name, optionName}]); a lone variant is "Default Title". */
export function variantOptions(optionValues) {
  if (!optionValues?.length) return { title: 'Default Title', selectedOptions: [{ name: 'Title', value: 'Default Title' }] };
  const selectedOptions = optionValues.map((option, index) => ({ name: option.optionName ?? `Option${index + 1}`, value: option.name }));
  return { title: selectedOptions.map((option) => option.value).join(' / '), selectedOptions };
}

/** Fields for a new variant (catalog.createVariant) from an input. */
export function newVariantFields(input) {
  const item = input.inventoryItem ?? {};
  return {
    ...variantOptions(input.optionValues), sku: input.sku ?? item.sku ?? null, price: money(input.price) ?? '0.00',
    compareAtPrice: money(input.compareAtPrice), barcode: input.barcode ?? null, inventoryPolicy: input.inventoryPolicy ?? 'DENY',
    taxable: input.taxable ?? true, cost: money(item.cost), tracked: item.tracked ?? true, requiresShipping: item.requiresShipping ?? true,
    weightLb: weightInPounds(item.measurement?.weight) ?? 0,
  };
}

function weightInPounds(weight) {
  return weight ? weight.value * POUNDS_PER_UNIT[weight.unit] : undefined;
}

/** Applies the variant fields present in `input`; says whether anything changed. */
export function applyVariantInput(store, variant, input) {
  const item = store.node(variant.inventoryItemId);
  const itemInput = input.inventoryItem ?? {};
  const updates = [
    [variant, 'price', input.price === undefined ? undefined : money(input.price)],
    [variant, 'compareAtPrice', input.compareAtPrice === undefined ? undefined : money(input.compareAtPrice)],
    [variant, 'barcode', input.barcode],
    [variant, 'inventoryPolicy', input.inventoryPolicy ?? undefined],
    [variant, 'taxable', input.taxable ?? undefined],
    [variant, 'sku', input.sku ?? itemInput.sku],
    [item, 'cost', itemInput.cost === undefined ? undefined : money(itemInput.cost)],
    [item, 'tracked', itemInput.tracked ?? undefined],
    [item, 'requiresShipping', itemInput.requiresShipping ?? undefined],
    [item, 'weightLb', weightInPounds(itemInput.measurement?.weight)],
  ];
  if (input.optionValues?.length) {
    const { title, selectedOptions } = variantOptions(input.optionValues);
    updates.push([variant, 'title', title], [variant, 'selectedOptions', selectedOptions]);
  }
  let changed = false;
  for (const [record, name, value] of updates) {
    if (value === undefined || JSON.stringify(record[name]) === JSON.stringify(value)) continue;
    record[name] = value;
    changed = true;
  }
  for (const metafield of input.metafields ?? []) {
    writeMetafield(store, variant, metafield);
    changed = true;
  }
  if (changed) {
    variant.updatedAt = store.clock.tick();
    item.updatedAt = variant.updatedAt;
  }
  return changed;
}

// inventorySetQuantities as of 2026-04+: absolute quantities with compare-and-swap per entry
// (changeFromQuantity must be present, null opting out; a mismatch refuses the whole call and
// changes nothing) and a mandatory @idempotent key.
import { badRequest } from '../errors/shopify.js';
import { IdempotencyLedger } from '../idempotency.js';
import { inventoryLevel, setQuantity } from '../store/catalog.js';
import { checkInputSize, userError } from './inputs.js';

/** Reasons Shopify accepts for an inventory change. */
const REASONS = [
  'correction', 'cycle_count_available', 'damaged', 'movement_created', 'movement_updated', 'movement_received',
  'movement_canceled', 'other', 'promotion', 'quality_control', 'received', 'reservation_created', 'reservation_deleted',
  'reservation_updated', 'restock', 'safety_stock', 'shrinkage',
];
const MAX_QUANTITY = 1_000_000_000;

function entryErrors(store, input, entry, index, seen) {
  const at = ['input', 'quantities', index];
  if (!store.nodeOfType('InventoryItem', entry.inventoryItemId)) {
    return [userError([...at, 'inventoryItemId'], 'The specified inventory item could not be found.', 'INVALID_INVENTORY_ITEM')];
  }
  if (!store.nodeOfType('Location', entry.locationId)) {
    return [userError([...at, 'locationId'], 'The specified location could not be found.', 'INVALID_LOCATION')];
  }
  const pair = `${entry.inventoryItemId} ${entry.locationId}`;
  if (seen.has(pair)) {
    return [userError(at, 'The combination of inventoryItemId and locationId must be unique.', 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR')];
  }
  seen.add(pair);
  if (entry.quantity > MAX_QUANTITY) return [userError([...at, 'quantity'], "The quantity can't be higher than 1,000,000,000.", 'INVALID_QUANTITY_TOO_HIGH')];
  if (entry.quantity < -MAX_QUANTITY) return [userError([...at, 'quantity'], "The quantity can't be lower than -1,000,000,000.", 'INVALID_QUANTITY_TOO_LOW')];
  if (input.name === 'on_hand' && entry.quantity < 0) return [userError([...at, 'quantity'], "The quantity can't be negative.", 'INVALID_QUANTITY_NEGATIVE')];
  const current = inventoryLevel(store, entry.inventoryItemId, entry.locationId).quantities[input.name];
  if (entry.changeFromQuantity !== null && entry.changeFromQuantity !== current) {
    return [userError([...at, 'changeFromQuantity'], 'The changeFromQuantity value does not match persisted value.', 'CHANGE_FROM_QUANTITY_STALE')];
  }
  return [];
}

function setQuantities(store, input) {
  const userErrors = [];
  if (!['available', 'on_hand'].includes(input.name)) {
    userErrors.push(userError(['input', 'name'], "The quantity name must be either 'available' or 'on_hand'.", 'INVALID_NAME'));
  }
  if (!REASONS.includes(input.reason)) userErrors.push(userError(['input', 'reason'], 'The specified reason is invalid.', 'INVALID_REASON'));
  if (!userErrors.length) {
    const seen = new Set();
    input.quantities.forEach((entry, index) => userErrors.push(...entryErrors(store, input, entry, index, seen)));
  }
  if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };

  const changes = input.quantities.flatMap((entry) => {
    const level = inventoryLevel(store, entry.inventoryItemId, entry.locationId);
    const delta = entry.quantity - level.quantities[input.name];
    if (delta !== 0) setQuantity(store, level, input.name, entry.quantity);
    return ['available', 'on_hand'].map((name) => ({
      name, delta, quantityAfterChange: level.quantities[name], itemId: level.itemId, locationId: level.locationId, ledgerDocumentUri: null,
    }));
  });
  const inventoryAdjustmentGroup = store.add('InventoryAdjustmentGroup', {
    createdAt: store.clock.now(), reason: input.reason, referenceDocumentUri: input.referenceDocumentUri ?? null, changes,
  });
  return { inventoryAdjustmentGroup, userErrors: [] };
}

export const inventoryMutationResolvers = {
  Mutation: {
    inventorySetQuantities: (_, { input }, { store, idempotency }, info) => {
      const key = IdempotencyLedger.keyOf(info);
      if (key === undefined) throw badRequest('The @idempotent directive is required for this mutation but was not provided.');
      if (!key.trim()) throw badRequest('The idempotency key cannot be an empty string or whitespace only.');
      if (input.quantities.some((entry) => !Object.hasOwn(entry, 'changeFromQuantity'))) {
        throw badRequest('InventoryQuantityInput must include the following argument: changeFromQuantity.', 'INVALID_FIELD_ARGUMENTS');
      }
      checkInputSize(input.quantities);
      const args = JSON.stringify(input);
      const previous = idempotency.previous(key);
      if (previous) {
        return previous.arguments === args ? previous.payload : {
          inventoryAdjustmentGroup: null,
          userErrors: [userError(['input'], 'The same idempotency key cannot be used with different operation parameters.', 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH')],
        };
      }
      const payload = setQuantities(store, input);
      idempotency.remember(key, args, payload);
      return payload;
    },
  },
};

// InventoryItem, InventoryLevel, Location and InventoryAdjustmentGroup fields derived from the store.
import { gid } from '../ids.js';
import { inventoryLevel, inventoryLevels } from '../store/catalog.js';
import { connection } from './connection.js';

function quantity(level, name) {
  return {
    __typename: 'InventoryQuantity', id: gid('InventoryQuantity', `${level.legacyResourceId}?name=${name}`),
    name, quantity: level.quantities[name] ?? 0, updatedAt: level.updatedAt,
  };
}

export const inventoryResolvers = {
  InventoryItem: {
    variant: (item, _, { store }) => store.node(item.variantId),
    variants: (item, args, context) => connection([context.store.node(item.variantId)], args, context),
    sku: (item, _, { store }) => store.node(item.variantId).sku,
    inventoryLevels: (item, args, context) => connection(inventoryLevels(context.store, item.id), args, context),
    inventoryLevel: (item, { locationId }, { store }) => inventoryLevel(store, item.id, locationId),
    locationsCount: (item) => ({ count: item.levelIds.length, precision: 'EXACT' }),
    unitCost: (item, _, { store }) => (item.cost === null ? null : { amount: item.cost, currencyCode: store.shop.currencyCode }),
    measurement: (item) => ({
      __typename: 'InventoryItemMeasurement', id: gid('InventoryItemMeasurement', item.legacyResourceId),
      weight: { unit: 'POUNDS', value: item.weightLb },
    }),
    duplicateSkuCount: (item, _, { store }) => {
      const { sku } = store.node(item.variantId);
      return sku ? store.all('ProductVariant').filter((variant) => variant.sku === sku).length - 1 : 0;
    },
  },
  InventoryLevel: {
    item: (level, _, { store }) => store.node(level.itemId),
    location: (level, _, { store }) => store.node(level.locationId),
    quantities: (level, { names }) => names.map((name) => quantity(level, name)),
    canDeactivate: () => false,
  },
  Location: {
    inventoryLevels: (location, args, context) => connection(
      context.store.all('InventoryLevel').filter((level) => level.locationId === location.id), args, context),
    inventoryLevel: (location, { inventoryItemId }, { store }) => inventoryLevel(store, inventoryItemId, location.id),
  },
  InventoryAdjustmentGroup: {
    changes: (group, { inventoryItemIds, locationIds, quantityNames }) => group.changes.filter((change) => (
      (!inventoryItemIds || inventoryItemIds.includes(change.itemId))
      && (!locationIds || locationIds.includes(change.locationId))
      && (!quantityNames || quantityNames.includes(change.name)))),
  },
  InventoryChange: {
    item: (change, _, { store }) => store.node(change.itemId),
    location: (change, _, { store }) => store.node(change.locationId),
  },
};

// The generator's products as Xorosoft answers for them: a product (base part) with one variant
// (item), and inventory rows per store.
import { STORES } from '../catalog/vocabulary.js';

export function xorosoftProduct(item) {
  return {
    BasePartNumber: item.sku,
    Title: item.title,
    Handle: item.sku.toLowerCase(),
    ProductCategoryName: item.category,
    VendorName: item.manufacturer.name,
    Variants: [{
      ItemNumber: item.sku,
      Description: item.title,
      ItemUpc: item.upc,
      ManufacturerPartNumber: item.mpn,
      StandardUnitPrice: Number(item.price),
      StandardUnitCost: Number(item.cost),
      SellUomName: 'EA',
      ActiveFlag: true,
    }],
  };
}

export function inventoryRows(item, storeCodes) {
  return STORES.filter((store) => storeCodes.length === 0 || storeCodes.includes(store.code)).map((store) => ({
    ItemId: 500000 + item.index,
    ItemNumber: item.sku,
    BasePartNumber: item.sku,
    ItemDescription: item.title,
    StoreId: store.id,
    StoreName: store.code,
    OnHandQty: item.stock[store.code],
    AvailableQty: item.stock[store.code],
    AllocatedQty: 0,
    ATSQty: item.stock[store.code],
  }));
}

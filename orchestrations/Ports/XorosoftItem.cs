namespace CowansSync.Orchestrations.Ports;

/// <summary>An item as the ERP knows it: what the retailer carries, at what price and cost, and how many.</summary>
/// <param name="ItemNumber">Xorosoft's item number (the retailer's SKU).</param>
/// <param name="BasePartNumber">The base part number it is listed under.</param>
/// <param name="Title">The ERP's description.</param>
/// <param name="Manufacturer">The vendor name.</param>
/// <param name="ManufacturerPartNumber">The manufacturer's part number.</param>
/// <param name="Upc">The barcode.</param>
/// <param name="Price">The standard unit price.</param>
/// <param name="Cost">The standard unit cost.</param>
/// <param name="Stock">Units available in the store Shopify mirrors (<c>MAIN</c>), when known.</param>
/// <param name="Active">Whether the item is active in the ERP.</param>
public sealed record XorosoftItem(
    string ItemNumber,
    string BasePartNumber,
    string? Title,
    string? Manufacturer,
    string? ManufacturerPartNumber,
    string? Upc,
    decimal? Price,
    decimal? Cost,
    int? Stock,
    bool Active);

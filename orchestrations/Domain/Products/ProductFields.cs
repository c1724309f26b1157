namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// The catalog fields of <see cref="Product"/> and who owns each (<c>docs/DOMAIN.md</c> "Products"):
/// Etilize owns content (title, description, specs, images, MPN, UPC, manufacturer, type);
/// Xorosoft, the ERP, owns stock, cost, price and weight; Shopify owns handle, status, tags,
/// collections, the compare-at price and its own ids.
/// </summary>
/// <remarks>
/// Why these owners: price and
/// weight go to Xorosoft because the ERP holds the retailer's selling prices and shipping data
/// (seed 001 <c>xorosoft_products</c>, seed 003 §3 "Price Update"); compare-at price to Shopify
/// because it is a merchandising choice made in the store; type and specs to Etilize as content.
/// </remarks>
public static class ProductFields
{
    /// <summary><c>title</c>, owned by Etilize.</summary>
    public static ProductField Title { get; } =
        Text("title", SourceSystem.Etilize, p => p.Title, (from, to) => to with { Title = from.Title });

    /// <summary><c>description_html</c>, owned by Etilize.</summary>
    public static ProductField DescriptionHtml { get; } =
        Text("description_html", SourceSystem.Etilize, p => p.DescriptionHtml, (from, to) => to with { DescriptionHtml = from.DescriptionHtml });

    /// <summary><c>manufacturer</c>, owned by Etilize.</summary>
    public static ProductField Manufacturer { get; } =
        Text("manufacturer", SourceSystem.Etilize, p => p.Manufacturer, (from, to) => to with { Manufacturer = from.Manufacturer });

    /// <summary><c>manufacturer_part_number</c>, owned by Etilize.</summary>
    public static ProductField ManufacturerPartNumber { get; } =
        Text("manufacturer_part_number", SourceSystem.Etilize, p => p.ManufacturerPartNumber, (from, to) => to with { ManufacturerPartNumber = from.ManufacturerPartNumber });

    /// <summary><c>upc</c>, owned by Etilize.</summary>
    public static ProductField Upc { get; } =
        Text("upc", SourceSystem.Etilize, p => p.Upc, (from, to) => to with { Upc = from.Upc });

    /// <summary><c>product_type</c>, owned by Etilize.</summary>
    public static ProductField ProductType { get; } =
        Text("product_type", SourceSystem.Etilize, p => p.ProductType, (from, to) => to with { ProductType = from.ProductType });

    /// <summary><c>images</c> (ordered), owned by Etilize.</summary>
    public static ProductField Images { get; } = new ProductFieldOf<IReadOnlyList<string>>(
        "images",
        SourceSystem.Etilize,
        p => p.Images,
        (from, to) => to with { Images = from.Images },
        (a, b) => a.SequenceEqual(b, StringComparer.Ordinal),
        v => v.Count == 0);

    /// <summary><c>metafields</c> (specifications), owned by Etilize.</summary>
    public static ProductField Metafields { get; } = new ProductFieldOf<SortedDictionary<string, string>>(
        "metafields",
        SourceSystem.Etilize,
        p => new(p.Metafields.ToDictionary(), StringComparer.Ordinal),
        (from, to) => to with { Metafields = from.Metafields },
        (a, b) => a.SequenceEqual(b),
        v => v.Count == 0);

    /// <summary><c>price</c>, owned by Xorosoft.</summary>
    public static ProductField Price { get; } =
        Number("price", SourceSystem.Xorosoft, p => p.Price, (from, to) => to with { Price = from.Price });

    /// <summary><c>cost</c>, owned by Xorosoft.</summary>
    public static ProductField Cost { get; } =
        Number("cost", SourceSystem.Xorosoft, p => p.Cost, (from, to) => to with { Cost = from.Cost });

    /// <summary><c>inventory_quantity</c>, owned by Xorosoft.</summary>
    public static ProductField InventoryQuantity { get; } =
        Number("inventory_quantity", SourceSystem.Xorosoft, p => p.InventoryQuantity, (from, to) => to with { InventoryQuantity = from.InventoryQuantity });

    /// <summary><c>weight</c> in kilograms, owned by Xorosoft.</summary>
    public static ProductField Weight { get; } =
        Number("weight", SourceSystem.Xorosoft, p => p.Weight, (from, to) => to with { Weight = from.Weight });

    /// <summary><c>compare_at_price</c>, owned by Shopify.</summary>
    public static ProductField CompareAtPrice { get; } =
        Number("compare_at_price", SourceSystem.Shopify, p => p.CompareAtPrice, (from, to) => to with { CompareAtPrice = from.CompareAtPrice });

    /// <summary><c>handle</c>, owned by Shopify.</summary>
    public static ProductField Handle { get; } =
        Text("handle", SourceSystem.Shopify, p => p.Handle, (from, to) => to with { Handle = from.Handle });

    /// <summary><c>status</c>, owned by Shopify.</summary>
    public static ProductField Status { get; } = new ProductFieldOf<ProductStatus>(
        "status",
        SourceSystem.Shopify,
        p => p.Status,
        (from, to) => to with { Status = from.Status },
        (a, b) => a == b,
        _ => false);

    /// <summary><c>tags</c> (a set), owned by Shopify.</summary>
    public static ProductField Tags { get; } =
        Set("tags", SourceSystem.Shopify, p => p.Tags, (from, to) => to with { Tags = from.Tags });

    /// <summary><c>collections</c> (a set), owned by Shopify.</summary>
    public static ProductField Collections { get; } =
        Set("collections", SourceSystem.Shopify, p => p.Collections, (from, to) => to with { Collections = from.Collections });

    /// <summary><c>shopify_product_id</c>, owned by Shopify.</summary>
    public static ProductField ShopifyProductId { get; } =
        Text("shopify_product_id", SourceSystem.Shopify, p => p.ShopifyProductId, (from, to) => to with { ShopifyProductId = from.ShopifyProductId });

    /// <summary><c>shopify_variant_id</c>, owned by Shopify.</summary>
    public static ProductField ShopifyVariantId { get; } =
        Text("shopify_variant_id", SourceSystem.Shopify, p => p.ShopifyVariantId, (from, to) => to with { ShopifyVariantId = from.ShopifyVariantId });

    /// <summary><c>shopify_inventory_item_id</c>, owned by Shopify.</summary>
    public static ProductField ShopifyInventoryItemId { get; } =
        Text("shopify_inventory_item_id", SourceSystem.Shopify, p => p.ShopifyInventoryItemId, (from, to) => to with { ShopifyInventoryItemId = from.ShopifyInventoryItemId });

    /// <summary>Every catalog field, in display order.</summary>
    public static IReadOnlyList<ProductField> All { get; } =
    [
        Title, DescriptionHtml, Manufacturer, ManufacturerPartNumber, Upc, ProductType, Images, Metafields,
        Price, Cost, InventoryQuantity, Weight, CompareAtPrice,
        Handle, Status, Tags, Collections, ShopifyProductId, ShopifyVariantId, ShopifyInventoryItemId,
    ];

    private static ProductFieldOf<string?> Text(string name, SourceSystem owner, Func<Product, string?> read, Func<Product, Product, Product> copy)
        => new(name, owner, read, copy, (a, b) => string.Equals(a, b, StringComparison.Ordinal), string.IsNullOrWhiteSpace);

    // Numbers compare as decimals, so 29.9 equals 29.90 and a re-serialized price is no change.
    private static ProductFieldOf<decimal?> Number(string name, SourceSystem owner, Func<Product, decimal?> read, Func<Product, Product, Product> copy)
        => new(name, owner, read, copy, (a, b) => a == b, v => v is null, isNumeric: true);

    private static ProductFieldOf<string[]> Set(string name, SourceSystem owner, Func<Product, IReadOnlyList<string>> read, Func<Product, Product, Product> copy)
        => new(
            name,
            owner,
            p => read(p).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
            copy,
            (a, b) => a.SequenceEqual(b, StringComparer.Ordinal),
            v => v.Length == 0);
}

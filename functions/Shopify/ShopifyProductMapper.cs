using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Maps store products (FindProducts' nodes, or the bulk export's lines joined into the same shape) to the local
/// <see cref="Product"/>: units converted, the MPN read from its metafield, collection handles when the document
/// selected them (ReadProducts does, FindProducts does not). Other metafields are not read, so
/// <see cref="Product.Metafields"/> comes back empty.
/// </summary>
public static class ShopifyProductMapper
{
    /// <summary>The product metafield (<c>namespace.key</c>) holding the manufacturer part number.</summary>
    public const string ManufacturerPartNumberMetafield = "custom.manufacturer_part_number";

    /// <summary>
    /// Media read per product (FindProducts' <c>media(first: 3)</c>): Etilize sends one image, and three are enough to
    /// see that the store holds others. The bulk export keeps the same number so both give equal products.
    /// </summary>
    public const int MediaPerProduct = 3;

    private const decimal KilogramsPerPound = 0.45359237m;
    private const decimal KilogramsPerOunce = 0.028349523125m;

    /// <summary>Maps a product, unless its first variant has no SKU (the catalog key).</summary>
    internal static StoreProduct? Map(ProductNode node)
    {
        var variant = node.Variants?.Nodes is [var first, ..] ? first : null;
        if (variant is null || !Sku.TryParse(variant.Sku, out var sku))
        {
            return null;
        }

        var product = new Product
        {
            Sku = sku,
            Title = node.Title,
            DescriptionHtml = node.DescriptionHtml,
            Manufacturer = EmptyAsNull(node.Vendor),
            ManufacturerPartNumber = EmptyAsNull(node.Metafield?.Value),
            Upc = EmptyAsNull(variant.Barcode),
            ProductType = EmptyAsNull(node.ProductType),
            Tags = node.Tags ?? [],
            Price = variant.Price,
            CompareAtPrice = variant.CompareAtPrice,
            Cost = variant.InventoryItem?.UnitCost?.Amount,
            InventoryQuantity = variant.InventoryQuantity,
            Weight = Kilograms(variant.InventoryItem?.Measurement?.Weight),
            Images = [.. (node.Media?.Nodes ?? []).Take(MediaPerProduct).Select(media => media.Image?.Url).OfType<string>()],
            Collections = [.. (node.Collections?.Nodes ?? []).Select(collection => collection.Handle).OfType<string>()],
            Status = Enum.TryParse<ProductStatus>(node.Status, ignoreCase: true, out var status) ? status : ProductStatus.Draft,
            Handle = node.Handle,
            ShopifyProductId = node.Id,
            ShopifyVariantId = variant.Id,
            ShopifyInventoryItemId = variant.InventoryItem?.Id,
        };
        return new StoreProduct(product, node.UpdatedAt);
    }

    // Exact decimal factors, so a weight converted here equals one converted the same way elsewhere.
    private static decimal? Kilograms(WeightNode? weight) => weight?.Unit switch
    {
        null => null,
        "KILOGRAMS" => weight.Value,
        "GRAMS" => weight.Value / 1000m,
        "POUNDS" => weight.Value * KilogramsPerPound,
        "OUNCES" => weight.Value * KilogramsPerOunce,
        _ => null,
    };

    private static string? EmptyAsNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

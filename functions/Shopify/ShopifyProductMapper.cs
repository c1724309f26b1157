using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Shopify;

/// <summary>Maps FindProducts' nodes to the local <see cref="Product"/>: units converted, MPN lifted out of the metafields.</summary>
public static class ShopifyProductMapper
{
    /// <summary>The product metafield (<c>namespace.key</c>) holding the manufacturer part number.</summary>
    public const string ManufacturerPartNumberMetafield = "custom.manufacturer_part_number";

    private const decimal KilogramsPerPound = 0.45359237m;
    private const decimal KilogramsPerOunce = 0.028349523125m;

    /// <summary>Maps a product, unless its first variant has no SKU (the catalog key).</summary>
    internal static ShopifyStoreProduct? Map(ProductNode node)
    {
        var variant = node.Variants?.Nodes is [var first, ..] ? first : null;
        if (variant is null || !Sku.TryParse(variant.Sku, out var sku))
        {
            return null;
        }

        var metafields = (node.Metafields?.Nodes ?? [])
            .Where(field => field.Value is not null)
            .ToDictionary(field => $"{field.Namespace}.{field.Key}", field => field.Value!, StringComparer.Ordinal);
        metafields.Remove(ManufacturerPartNumberMetafield, out var partNumber);
        var product = new Product
        {
            Sku = sku,
            Title = node.Title,
            DescriptionHtml = node.DescriptionHtml,
            Manufacturer = EmptyAsNull(node.Vendor),
            ManufacturerPartNumber = EmptyAsNull(partNumber),
            Upc = EmptyAsNull(variant.Barcode),
            ProductType = EmptyAsNull(node.ProductType),
            Tags = node.Tags ?? [],
            Price = variant.Price,
            CompareAtPrice = variant.CompareAtPrice,
            Cost = variant.InventoryItem?.UnitCost?.Amount,
            InventoryQuantity = variant.InventoryQuantity,
            Weight = Kilograms(variant.InventoryItem?.Measurement?.Weight),
            Images = [.. (node.Media?.Nodes ?? []).Select(media => media.Image?.Url).OfType<string>()],
            Collections = [.. (node.Collections?.Nodes ?? []).Select(collection => collection.Handle)],
            Metafields = metafields,
            Status = Enum.TryParse<ProductStatus>(node.Status, ignoreCase: true, out var status) ? status : ProductStatus.Draft,
            Handle = node.Handle,
            ShopifyProductId = node.Id,
            ShopifyVariantId = variant.Id,
            ShopifyInventoryItemId = variant.InventoryItem?.Id,
        };
        return new ShopifyStoreProduct(product, node.UpdatedAt);
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

using System.Globalization;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Builds the mutation inputs of a push from a <see cref="Product"/> and the API names of the fields to write
/// (<see cref="ProductFields"/>): only named fields are put in an input, so Shopify leaves the others alone.
/// </summary>
internal static class ShopifyPushInputs
{
    /// <summary>Fields written by productCreate/productUpdate.</summary>
    public static IReadOnlySet<string> ProductLevelFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "description_html", "manufacturer", "product_type", "tags", "status", "handle", "manufacturer_part_number", "images",
    };

    /// <summary>Fields written by productVariantsBulkUpdate.</summary>
    public static IReadOnlySet<string> VariantLevelFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "price", "compare_at_price", "upc", "cost", "weight",
    };

    /// <summary>The stock field, written by inventorySetQuantities.</summary>
    public const string StockField = "inventory_quantity";

    /// <summary>The collections field, written by collectionAddProducts.</summary>
    public const string CollectionsField = "collections";

    /// <summary>Throws when a field has no writer here (e.g. <c>metafields</c>), so nothing is silently skipped.</summary>
    public static void ThrowIfUnsupported(IEnumerable<string> fields)
    {
        var unsupported = fields.Where(field => !ProductLevelFields.Contains(field) && !VariantLevelFields.Contains(field)
            && field is not StockField and not CollectionsField).ToList();
        if (unsupported.Count > 0)
        {
            throw new ArgumentException($"The Shopify push cannot write the field(s) {string.Join(", ", unsupported)}.", nameof(fields));
        }
    }

    /// <summary>A ProductCreateInput/ProductUpdateInput of the named product-level fields (with <c>id</c> when updating).</summary>
    public static Dictionary<string, object?> Product(Product product, IReadOnlySet<string> fields, string? productId)
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (productId is not null)
        {
            input["id"] = productId;
        }

        AddIf(input, fields, "title", "title", product.Title);
        AddIf(input, fields, "description_html", "descriptionHtml", product.DescriptionHtml ?? string.Empty);
        AddIf(input, fields, "manufacturer", "vendor", product.Manufacturer ?? string.Empty);
        AddIf(input, fields, "product_type", "productType", product.ProductType ?? string.Empty);
        AddIf(input, fields, "tags", "tags", product.Tags);
        AddIf(input, fields, "status", "status", product.Status.ToString().ToUpperInvariant());
        if (fields.Contains("handle") && !string.IsNullOrEmpty(product.Handle))
        {
            input["handle"] = product.Handle;
        }

        if (fields.Contains("manufacturer_part_number") && !string.IsNullOrEmpty(product.ManufacturerPartNumber))
        {
            input["metafields"] = new[]
            {
                new { @namespace = "custom", key = "manufacturer_part_number", type = "single_line_text_field", value = product.ManufacturerPartNumber },
            };
        }

        return input;
    }

    /// <summary>CreateMediaInputs for the images not already in <paramref name="existing"/> (Shopify adds media; it does not replace).</summary>
    public static object[]? Media(IReadOnlyList<string> images, IReadOnlyList<string> existing, IReadOnlySet<string> fields)
    {
        if (!fields.Contains("images"))
        {
            return null;
        }

        var added = images.Except(existing, StringComparer.Ordinal).Select(url => (object)new { originalSource = url, mediaContentType = "IMAGE" }).ToArray();
        return added.Length == 0 ? null : added;
    }

    /// <summary>A ProductVariantsBulkInput of the named variant-level fields, or null when none is named.</summary>
    public static Dictionary<string, object?>? Variant(Product product, IReadOnlySet<string> fields, string variantId, bool withSku)
    {
        if (!withSku && !fields.Overlaps(VariantLevelFields))
        {
            return null;
        }

        var input = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = variantId };
        AddIf(input, fields, "price", "price", Money(product.Price));
        AddIf(input, fields, "compare_at_price", "compareAtPrice", Money(product.CompareAtPrice));
        AddIf(input, fields, "upc", "barcode", product.Upc ?? string.Empty);
        var item = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (withSku)
        {
            item["sku"] = product.Sku.Original;
            item["tracked"] = true;
        }

        AddIf(item, fields, "cost", "cost", Money(product.Cost));
        if (fields.Contains("weight") && product.Weight is { } weight)
        {
            item["measurement"] = new { weight = new { unit = "KILOGRAMS", value = weight } };
        }

        if (item.Count > 0)
        {
            input["inventoryItem"] = item;
        }

        return input;
    }

    // Shopify's Money scalar is a decimal string; invariant so a comma never becomes the separator.
    private static string? Money(decimal? amount) => amount?.ToString("0.00##", CultureInfo.InvariantCulture);

    private static void AddIf(Dictionary<string, object?> input, IReadOnlySet<string> fields, string field, string name, object? value)
    {
        if (fields.Contains(field))
        {
            input[name] = value;
        }
    }
}

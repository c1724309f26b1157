namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// A product of the local catalog, keyed by <see cref="Sku"/>: the merged view of Etilize content,
/// Xorosoft stock and prices, and Shopify's store settings. Immutable; every change is a new record
/// (<c>with</c>), staged and versioned.
/// </summary>
/// <remarks>The catalog fields are enumerated, with their owners, in <see cref="ProductFields"/>.</remarks>
public sealed record Product
{
    /// <summary>The catalog key.</summary>
    public required Sku Sku { get; init; }

    /// <summary>The product name.</summary>
    public string? Title { get; init; }

    /// <summary>The description, as HTML.</summary>
    public string? DescriptionHtml { get; init; }

    /// <summary>The manufacturer's name (Shopify's <c>vendor</c>).</summary>
    public string? Manufacturer { get; init; }

    /// <summary>The manufacturer's part number (MPN).</summary>
    public string? ManufacturerPartNumber { get; init; }

    /// <summary>The barcode as received (UPC-A, EAN-13 or GTIN-14; see <see cref="Gtin"/>).</summary>
    public string? Upc { get; init; }

    /// <summary>The product type / category.</summary>
    public string? ProductType { get; init; }

    /// <summary>Store tags; a set, order carries no meaning.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The selling price.</summary>
    public decimal? Price { get; init; }

    /// <summary>The "was" price shown struck through in the store.</summary>
    public decimal? CompareAtPrice { get; init; }

    /// <summary>The unit cost.</summary>
    public decimal? Cost { get; init; }

    /// <summary>Units available to sell.</summary>
    public int? InventoryQuantity { get; init; }

    /// <summary>The shipping weight in kilograms (adapters convert units at the edge).</summary>
    public decimal? Weight { get; init; }

    /// <summary>Image URLs; the first is the featured image, so order matters.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Handles of the store collections the product belongs to; a set.</summary>
    public IReadOnlyList<string> Collections { get; init; } = [];

    /// <summary>Specifications and other extra attributes, keyed <c>namespace.key</c>.</summary>
    public IReadOnlyDictionary<string, string> Metafields { get; init; } = new Dictionary<string, string>();

    /// <summary>The store status.</summary>
    public ProductStatus Status { get; init; } = ProductStatus.Draft;

    /// <summary>The store URL handle.</summary>
    public string? Handle { get; init; }

    /// <summary>Shopify's product id (a GID), once the product exists in the store.</summary>
    public string? ShopifyProductId { get; init; }

    /// <summary>Shopify's id of the product's single variant.</summary>
    public string? ShopifyVariantId { get; init; }

    /// <summary>Shopify's inventory item id of that variant, needed for stock updates.</summary>
    public string? ShopifyInventoryItemId { get; init; }

    /// <summary>For each catalog field (by its API name), who changed it last and when.</summary>
    public IReadOnlyDictionary<string, FieldProvenance> FieldSources { get; init; } = new Dictionary<string, FieldProvenance>();

    /// <summary>The version number last synced with Shopify: the base of three-way conflict detection.</summary>
    public int? LastSyncedVersion { get; init; }

    /// <summary>The hash of that version's snapshot.</summary>
    public string? LastSyncedHash { get; init; }

    /// <summary>Records that <paramref name="fieldNames"/> were just changed by <paramref name="provenance"/>'s source.</summary>
    /// <param name="fieldNames">API names of the changed fields.</param>
    /// <param name="provenance">The source and time of the change.</param>
    /// <returns>A copy with <see cref="FieldSources"/> updated.</returns>
    public Product WithFieldSources(IEnumerable<string> fieldNames, FieldProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(fieldNames);
        var sources = new Dictionary<string, FieldProvenance>(FieldSources, StringComparer.Ordinal);
        foreach (var name in fieldNames)
        {
            sources[name] = provenance;
        }

        return this with { FieldSources = sources };
    }
}

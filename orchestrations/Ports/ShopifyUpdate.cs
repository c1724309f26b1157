using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>One product's field-level write.</summary>
/// <param name="Current">The product as the store holds it now (its ids; its <c>inventory_quantity</c> is the
/// <c>changeFromQuantity</c> a stock write expects).</param>
/// <param name="Proposed">The product with the new values.</param>
/// <param name="Fields">The API names (<see cref="ProductFields"/>) of the fields to write; others are left alone.</param>
/// <param name="IdempotencyKey">A key derived from the change id, for the writes that take one.</param>
public sealed record ShopifyUpdate(Product Current, Product Proposed, IReadOnlyList<string> Fields, string IdempotencyKey)
{
    /// <summary>Fields a bulk mutation writes: product fields (<c>productUpdate</c>) and variant prices and barcode
    /// (<c>productVariantsBulkUpdate</c>). Stock needs its compare-and-set, collections their own mutation.</summary>
    public static IReadOnlySet<string> BulkWritableFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "title", "description_html", "manufacturer", "product_type", "tags", "status", "price", "compare_at_price", "upc",
    };

    /// <summary>Whether every field of this update can go through <see cref="IShopifyPush.StartBulkUpdateAsync"/>.</summary>
    public bool IsBulkWritable => Fields.All(BulkWritableFields.Contains);
}

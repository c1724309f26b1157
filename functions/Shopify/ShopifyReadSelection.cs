using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// What a ReadProducts re-read selects beyond a product's scalars and first variant, which it always selects: each
/// part only when a field the push compares lives in it. A price push's re-read costs 4 points a product, not 29.
/// </summary>
/// <param name="InventoryItem">The variant's inventory item: cost, weight and the id a stock write needs.</param>
/// <param name="Media">The product's images.</param>
/// <param name="Metafield">The manufacturer part number.</param>
/// <param name="Collections">The product's collection handles.</param>
internal sealed record ShopifyReadSelection(bool InventoryItem, bool Media, bool Metafield, bool Collections)
{
    /// <summary>Everything the document can select, for a product read whole (before a create).</summary>
    public static ShopifyReadSelection All { get; } = new(InventoryItem: true, Media: true, Metafield: true, Collections: true);

    /// <summary>Requested cost of one product, by Shopify's defaults (an object 1, a connection 2 + first × a node):
    /// the product 1 and its variants 2 + 1, then inventory item 1 + unit cost 1 + measurement 1 + weight 1, media
    /// 2 + 3 × (node 1 + image 1), metafield 1, collections 2 + 10 × 1.</summary>
    public int CostPerProduct => 4 + (InventoryItem ? 4 : 0) + (Media ? 8 : 0) + (Metafield ? 1 : 0) + (Collections ? 12 : 0);

    /// <summary>The selection that holds the fields.</summary>
    /// <param name="fields">API names (<see cref="ProductFields"/>) of the fields to compare.</param>
    /// <returns>The smallest selection that reads them.</returns>
    public static ShopifyReadSelection For(IReadOnlyCollection<string> fields) => new(
        InventoryItem: fields.Contains(ProductFields.Cost.Name) || fields.Contains(ProductFields.Weight.Name) || fields.Contains(ProductFields.InventoryQuantity.Name),
        Media: fields.Contains(ProductFields.Images.Name),
        Metafield: fields.Contains(ProductFields.ManufacturerPartNumber.Name),
        Collections: fields.Contains(ProductFields.Collections.Name));

    /// <summary>The parts selected beyond the variant, e.g. <c>inventoryItem+media</c>, or <c>variant</c> when none.</summary>
    /// <returns>The names, joined with <c>+</c>.</returns>
    public override string ToString()
    {
        string?[] parts = [InventoryItem ? "inventoryItem" : null, Media ? "media" : null, Metafield ? "metafield" : null, Collections ? "collections" : null];
        return parts.Any(part => part is not null) ? string.Join('+', parts.OfType<string>()) : "variant";
    }

    /// <summary>The document's variables for one page.</summary>
    /// <param name="first">The page size.</param>
    /// <param name="query">The search query naming the page's products.</param>
    /// <param name="after">The cursor the page starts after; <see langword="null"/> for the first page.</param>
    /// <returns>The variables.</returns>
    public object Variables(int first, string query, string? after = null) => new
    {
        first,
        query,
        after,
        withInventoryItem = InventoryItem,
        withMedia = Media,
        withMetafield = Metafield,
        withCollections = Collections,
    };
}

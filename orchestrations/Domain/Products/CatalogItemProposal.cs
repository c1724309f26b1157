namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>Turns an incoming <see cref="CatalogItem"/> into the product the import proposes.</summary>
public static class CatalogItemProposal
{
    /// <summary>
    /// The product as the import would leave it: the matched product with the row's values laid
    /// over it, or a new draft product in its category's collection when nothing matched. A value the row lacks keeps the current
    /// one — a feed row without images does not mean "delete the images".
    /// </summary>
    /// <param name="item">The validated catalog row.</param>
    /// <param name="current">The matched product, or <see langword="null"/> for a new product.</param>
    /// <returns>The proposed product; pass it with <paramref name="current"/> to <c>ProductDiff</c>.</returns>
    /// <exception cref="ArgumentException">The row has no SKU and matched nothing.</exception>
    public static Product Propose(CatalogItem item, Product? current)
    {
        ArgumentNullException.ThrowIfNull(item);
        // A new product joins its category's collection; an existing one keeps the store's (Shopify owns collections).
        var baseline = current ?? new Product
        {
            Sku = Sku.Parse(item.Sku),
            Status = ProductStatus.Draft,
            Collections = CollectionHandle.Of(item.Category) is { } handle ? [handle] : [],
        };
        return baseline with
        {
            Title = TextOr(item.Title, baseline.Title),
            DescriptionHtml = TextOr(item.DescriptionHtml, baseline.DescriptionHtml),
            Manufacturer = TextOr(item.Manufacturer, baseline.Manufacturer),
            ManufacturerPartNumber = TextOr(item.ManufacturerPartNumber, baseline.ManufacturerPartNumber),
            Upc = TextOr(item.Upc, baseline.Upc),
            ProductType = TextOr(item.Category, baseline.ProductType),
            Images = item.Images.Count > 0 ? item.Images : baseline.Images,
            Price = item.Price ?? baseline.Price,
            Cost = item.Cost ?? baseline.Cost,
            InventoryQuantity = item.Quantity ?? baseline.InventoryQuantity,
        };
    }

    private static string? TextOr(string? incoming, string? current)
        => string.IsNullOrWhiteSpace(incoming) ? current : incoming.Trim();
}

namespace CowansSync.Functions.Products;

/// <summary>A store collection as the pulls know it.</summary>
/// <param name="Id">Its handle, which the API uses as its id.</param>
/// <param name="ProductCount">How many products it has.</param>
public sealed record CollectionSummary(string Id, int ProductCount)
{
    /// <summary>The handle (the same as <see cref="Id"/>).</summary>
    public string Handle => Id;
}

/// <summary>A product of a collection.</summary>
/// <param name="Sku">The product's SKU.</param>
/// <param name="ShopifyProductId">Its Shopify GID.</param>
/// <param name="Title">Its title.</param>
public sealed record CollectionProduct(string Sku, string? ShopifyProductId, string? Title);

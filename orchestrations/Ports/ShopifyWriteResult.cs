using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>The outcome of a write to the store.</summary>
/// <param name="Product">On success, the product as written, with its Shopify ids; otherwise <see langword="null"/>.</param>
/// <param name="Errors">Shopify's <c>userErrors</c> (or the request's errors); empty on success.</param>
public sealed record ShopifyWriteResult(Product? Product, IReadOnlyList<ShopifyUserError> Errors)
{
    /// <summary>Shopify's code for a stock write whose <c>changeFromQuantity</c> no longer holds.</summary>
    public const string StaleQuantityCode = "CHANGE_FROM_QUANTITY_STALE";

    /// <summary>Whether the write succeeded.</summary>
    public bool Succeeded => Product is not null && Errors.Count == 0;

    /// <summary>Whether the store's stock moved since staging, so compare-and-set refused the write.</summary>
    public bool IsStaleQuantity => Errors.Any(error => error.Code == StaleQuantityCode);

    /// <summary>A success.</summary>
    /// <param name="product">The product as written.</param>
    /// <returns>The result.</returns>
    public static ShopifyWriteResult Success(Product product) => new(product, []);

    /// <summary>A failure.</summary>
    /// <param name="errors">What Shopify answered.</param>
    /// <returns>The result.</returns>
    public static ShopifyWriteResult Failure(IReadOnlyList<ShopifyUserError> errors) => new(null, errors);
}

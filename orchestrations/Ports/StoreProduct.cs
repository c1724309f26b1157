using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>A store product mapped to the local model, with when Shopify last changed it.</summary>
/// <param name="Product">The product, with its Shopify ids.</param>
/// <param name="UpdatedAt">Shopify's <c>updatedAt</c> of the product.</param>
public sealed record StoreProduct(Product Product, DateTimeOffset UpdatedAt);

using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Products;

/// <summary>One page of the local catalog.</summary>
/// <param name="Items">The page's products, by normalized SKU.</param>
/// <param name="Total">How many products the catalog has.</param>
public sealed record ProductPage(IReadOnlyList<Product> Items, int Total);

namespace CowansSync.Orchestrations.Ports;

/// <summary>One page of store products.</summary>
/// <param name="Products">The page's products.</param>
/// <param name="NextCursor">Where the next page starts; <see langword="null"/> on the last page.</param>
public sealed record StoreProductPage(IReadOnlyList<StoreProduct> Products, string? NextCursor);

namespace CowansSync.Functions.Apis;

/// <summary>The <c>product{sku, name}</c> of a staged-change item.</summary>
/// <param name="Sku">The SKU as spelt by the source.</param>
/// <param name="Name">The title, proposed or current.</param>
public sealed record ProductSummary(string Sku, string? Name);

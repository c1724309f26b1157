namespace CowansSync.Functions.Staging;

/// <summary>Where an open change is, and whose.</summary>
/// <param name="ChangeId">The change.</param>
/// <param name="RunId">Its run.</param>
/// <param name="Sku">Its product, normalized.</param>
public sealed record OpenChangeKey(string ChangeId, string RunId, string Sku);

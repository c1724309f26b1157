using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>The local product a catalog row was matched to.</summary>
/// <param name="Product">The matched product.</param>
/// <param name="Confidence">How sure the match is, 0–1 (see <see cref="MatchConfidence"/>).</param>
/// <param name="MatchType">The signal that matched.</param>
public sealed record ProductMatch(Product Product, decimal Confidence, ProductMatchType MatchType);

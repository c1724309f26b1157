namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>Who last changed one field of a product, and when.</summary>
/// <param name="Source">The system (or person) the current value came from.</param>
/// <param name="ChangedAt">When the value was applied.</param>
public sealed record FieldProvenance(SourceSystem Source, DateTimeOffset ChangedAt);

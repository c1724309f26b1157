namespace CowansSync.Functions.Apis;

/// <summary>The <c>filter</c> of a bulk decision by <c>batch_id</c>.</summary>
/// <param name="ChangeType">create, update or delete.</param>
/// <param name="HasConflicts">With or without conflicts.</param>
/// <param name="Sku">One product.</param>
public sealed record BulkDecisionFilter(string? ChangeType, bool? HasConflicts, string? Sku);

using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>Which staged changes a list wants; every filter left <see langword="null"/> matches all.</summary>
/// <param name="RunId">The run (the API's <c>batch_id</c>).</param>
/// <param name="Status">The lifecycle state.</param>
/// <param name="ChangeType">Create, update or delete.</param>
/// <param name="HasConflicts">With or without conflicts.</param>
/// <param name="Directions">Any of these flows (the API's <c>source</c> names one or two).</param>
/// <param name="Sku">The product, compared normalized.</param>
public sealed record StagedChangeQuery(
    string? RunId = null,
    ChangeStatus? Status = null,
    ChangeType? ChangeType = null,
    bool? HasConflicts = null,
    IReadOnlyList<ChangeDirection>? Directions = null,
    Sku? Sku = null);

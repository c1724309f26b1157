using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>One page of a staged-change list.</summary>
/// <param name="Items">The page's changes, newest first.</param>
/// <param name="Total">How many changes match in all.</param>
public sealed record StagedChangePage(IReadOnlyList<StagedChange> Items, int Total);

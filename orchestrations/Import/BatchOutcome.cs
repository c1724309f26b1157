using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Import;

/// <summary>What staging one batch produced: the changes to store, its counters and its listed items.</summary>
/// <param name="Changes">The staged changes, already decided by the rules.</param>
/// <param name="Counters">The batch's <see cref="ImportCounters"/>.</param>
/// <param name="Filtered">SKUs Xorosoft does not know.</param>
/// <param name="Errors">Rows that could not be staged, with their file, line and reason.</param>
public sealed record BatchOutcome(
    IReadOnlyList<StagedChange> Changes,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<string> Filtered,
    IReadOnlyList<string> Errors);

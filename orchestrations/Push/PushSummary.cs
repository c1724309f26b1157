using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>The output of a <see cref="PushChanges"/> orchestration.</summary>
/// <param name="Status">Completed, or completed with errors when changes failed or met conflicts.</param>
/// <param name="Counters">The run's counters (<see cref="PushCounters.All"/>).</param>
/// <param name="Errors">The first errors (bounded; the counters hold the totals).</param>
public sealed record PushSummary(RunStatus Status, IReadOnlyDictionary<string, long> Counters, IReadOnlyList<string> Errors);

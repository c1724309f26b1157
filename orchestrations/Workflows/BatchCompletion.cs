namespace CowansSync.Orchestrations.Workflows;

/// <summary>The completion marker of one fanned-out batch: written once, it carries the batch's counters.</summary>
/// <param name="BatchIndex">The batch, from 0.</param>
/// <param name="Counters">What the batch counted.</param>
/// <param name="Lists">Items worth listing on the run, by list name (e.g. the SKUs it filtered out); bounded by the batch size.</param>
public sealed record BatchCompletion(int BatchIndex, IReadOnlyDictionary<string, long> Counters, IReadOnlyDictionary<string, IReadOnlyList<string>> Lists);

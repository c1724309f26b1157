namespace CowansSync.Functions.Apis;

/// <summary>The answer of a bulk decision.</summary>
/// <param name="Success">Always <see langword="true"/> once the request was valid; per-change failures are in <paramref name="Skipped"/>.</param>
/// <param name="Updated">How many changes were decided.</param>
/// <param name="Skipped">The changes left alone, with why.</param>
public sealed record BulkDecisionResult(bool Success, int Updated, IReadOnlyList<SkippedChange> Skipped);

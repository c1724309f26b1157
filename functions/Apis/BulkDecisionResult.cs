namespace CowansSync.Functions.Apis;

/// <summary>The answer of a bulk decision.</summary>
/// <param name="Success">Always <see langword="true"/> once the request was valid; per-change failures are in <paramref name="Skipped"/>.</param>
/// <param name="Updated">How many changes were decided.</param>
/// <param name="Skipped">The changes left alone, with why.</param>
public sealed record BulkDecisionResult(bool Success, int Updated, IReadOnlyList<SkippedChange> Skipped);

/// <summary>The answer of a batch decision sent without <c>confirm: true</c> (a 400, and a dry run: nothing changed).</summary>
/// <param name="Error">Why nothing was decided.</param>
/// <param name="Details">The field to set.</param>
/// <param name="WouldUpdate">How many pending changes the decision would have decided.</param>
public sealed record BulkDecisionUnconfirmed(string Error, IReadOnlyDictionary<string, object?> Details, int WouldUpdate);

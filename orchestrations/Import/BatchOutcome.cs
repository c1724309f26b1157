using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Import;

/// <summary>What staging one batch produced: the changes to store, its counters and its listed items.</summary>
/// <param name="Changes">The staged changes, already decided by the rules.</param>
/// <param name="Counters">The batch's <see cref="ImportCounters"/>.</param>
/// <param name="Filtered">The rows Xorosoft does not know, by <see cref="Domain.Products.CatalogItem.Identity"/> (their SKU where they have one).</param>
/// <param name="Errors">Rows that could not be staged, with their file, line and reason.</param>
public sealed record BatchOutcome(
    IReadOnlyList<StagedChange> Changes,
    IReadOnlyDictionary<string, long> Counters,
    IReadOnlyList<string> Filtered,
    IReadOnlyList<string> Errors)
{
    /// <summary>
    /// This outcome without the changes a reviewer rejected before: counted <see cref="ImportCounters.PreviouslyRejected"/>
    /// instead of auto-approved or pending review.
    /// </summary>
    /// <param name="wasRejected">Whether a change's proposal was rejected before.</param>
    /// <returns>The outcome to stage.</returns>
    public BatchOutcome WithoutPreviouslyRejected(Func<StagedChange, bool> wasRejected)
    {
        ArgumentNullException.ThrowIfNull(wasRejected);
        var rejected = Changes.Where(wasRejected).ToList();
        if (rejected.Count == 0)
        {
            return this;
        }

        var counters = new Dictionary<string, long>(Counters, StringComparer.Ordinal);
        foreach (var change in rejected)
        {
            counters[change.Status == ChangeStatus.Approved ? ImportCounters.AutoApproved : ImportCounters.PendingReview]--;
            counters[ImportCounters.PreviouslyRejected] = counters.GetValueOrDefault(ImportCounters.PreviouslyRejected) + 1;
        }

        return this with { Changes = [.. Changes.Except(rejected)], Counters = counters };
    }
}

using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>The counters of an import run: the API's summary fields.</summary>
public static class ImportCounters
{
    /// <summary>Rows in the file (read or malformed).</summary>
    public const string TotalRows = "total_rows";

    /// <summary>Rows that went through validation.</summary>
    public const string ProcessedRows = "processed_rows";

    /// <summary>Rows matched to an existing product.</summary>
    public const string MatchedProducts = "matched_products";

    /// <summary>Rows staged as a create.</summary>
    public const string NewProducts = "new_products";

    /// <summary>Matched rows staged as an update.</summary>
    public const string UpdatedProducts = "updated_products";

    /// <summary>Matched rows with nothing to change.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Rows Xorosoft does not know, left out.</summary>
    public const string XorosoftFiltered = "xorosoft_filtered";

    /// <summary>Rows that could not be read or staged.</summary>
    public const string FailedRows = "failed_rows";

    /// <summary>Staged changes the rules approved.</summary>
    public const string AutoApproved = "auto_approved";

    /// <summary>Staged changes waiting for a person.</summary>
    public const string PendingReview = "pending_review";

    /// <summary>Proposals not staged because a reviewer rejected the same values before.</summary>
    public const string PreviouslyRejected = "previously_rejected";

    /// <summary>Every counter, in the summary's order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [TotalRows, ProcessedRows, MatchedProducts, NewProducts, UpdatedProducts, Unchanged, XorosoftFiltered, FailedRows, AutoApproved, PendingReview, PreviouslyRejected];

    /// <summary>The run's progress from its counters: rows done out of rows in the file.</summary>
    /// <param name="counters">The recomputed counters.</param>
    /// <param name="previous">The progress before (its total is kept).</param>
    /// <returns>The progress.</returns>
    public static RunProgress ProgressOf(IReadOnlyDictionary<string, long> counters, RunProgress previous)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(previous);
        var failed = counters.GetValueOrDefault(FailedRows);
        var skipped = counters.GetValueOrDefault(XorosoftFiltered);
        var processed = counters.GetValueOrDefault(ProcessedRows);
        return previous with
        {
            Processed = processed + failed,
            Succeeded = processed - skipped,
            Failed = failed,
            Skipped = skipped,
        };
    }
}

using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>A push run's counters (its summary).</summary>
public static class PushCounters
{
    /// <summary>Changes the push was asked to apply.</summary>
    public const string Total = "total";

    /// <summary>Changes now applied in the store.</summary>
    public const string Applied = "applied";

    /// <summary>Changes whose write failed (Shopify's errors are on each change).</summary>
    public const string Failed = "failed";

    /// <summary>Changes not pushed because the store moved since staging.</summary>
    public const string Conflicts = "conflicts";

    /// <summary>Changes not in a state to push (pending, rejected, already rolled back, failed too often).</summary>
    public const string Skipped = "skipped";

    /// <summary>Every counter, in the summary's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Total, Applied, Failed, Conflicts, Skipped];

    /// <summary>The run's progress from its counters.</summary>
    /// <param name="counters">The recomputed counters.</param>
    /// <param name="previous">The progress before (its total is kept).</param>
    /// <returns>The progress.</returns>
    public static RunProgress ProgressOf(IReadOnlyDictionary<string, long> counters, RunProgress previous)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(previous);
        var applied = counters.GetValueOrDefault(Applied);
        var failed = counters.GetValueOrDefault(Failed) + counters.GetValueOrDefault(Conflicts);
        var skipped = counters.GetValueOrDefault(Skipped);
        return previous with { Processed = applied + failed + skipped, Succeeded = applied, Failed = failed, Skipped = skipped };
    }
}

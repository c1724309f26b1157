namespace CowansSync.Orchestrations.Workflows;

/// <summary>How far a run has come, in items.</summary>
/// <param name="Total">Items to process; 0 while unknown.</param>
/// <param name="Processed">Items done, whatever their outcome.</param>
/// <param name="Succeeded">Items done successfully.</param>
/// <param name="Failed">Items that failed.</param>
/// <param name="Skipped">Items deliberately left out.</param>
public sealed record RunProgress(long Total, long Processed, long Succeeded, long Failed, long Skipped)
{
    /// <summary>Nothing done yet.</summary>
    public static RunProgress None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Processed as a percentage of the total, to one decimal; 0 while the total is unknown.</summary>
    public decimal Percent => Total == 0 ? 0m : Math.Round(100m * Math.Min(Processed, Total) / Total, 1);
}

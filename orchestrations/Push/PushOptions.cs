namespace CowansSync.Orchestrations.Push;

/// <summary>App-wide settings of the push workflow (section <c>Push</c>).</summary>
public sealed class PushOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Push";

    /// <summary>Changes per batch (default 50: one re-read request of the store).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// From this many changes on, the push writes through bulk mutations, which Shopify's rate limit does not pace
    /// (default 1,000; 0 = always).
    /// </summary>
    public int BulkThreshold { get; set; } = 1_000;

    /// <summary>Changes per batch on the bulk path (default 2,500: one bulk operation each).</summary>
    public int BulkBatchSize { get; set; } = 2_500;

    /// <summary>Apply attempts per change before it is left failed (default 3).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Batches pushed at once (default 4: Shopify's rate limit, not the app, sets the pace of single writes).</summary>
    public int ParallelBatches { get; set; } = 4;

    /// <summary>Time between checks of a running bulk mutation, and between starts refused because another runs (default 5 s).</summary>
    public TimeSpan BulkPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one bulk mutation, waiting for another to finish included, may take before its updates are written one by one (default 30 min).</summary>
    public TimeSpan BulkTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts of a push activity (a batch, a bulk step) before its batch is counted failed (default 3).</summary>
    public int ActivityAttempts { get; set; } = 3;

    /// <summary>Wait before an activity's second attempt; it doubles for each further one (default 10 s).</summary>
    public TimeSpan ActivityRetryInterval { get; set; } = TimeSpan.FromSeconds(10);
}

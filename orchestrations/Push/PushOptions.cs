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
}

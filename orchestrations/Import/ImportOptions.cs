namespace CowansSync.Orchestrations.Import;

/// <summary>App-wide settings of the import workflow (section <c>Import</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Import";

    /// <summary>
    /// Rows per batch (default 500): each batch costs a handful of storage requests and orchestration steps whatever
    /// its size, and its changes spread over the run's partitions, so larger batches stage faster (50,000 rows: 500 a
    /// batch about 50 s, 100 a batch about 70 s on two cores), at some memory per batch in flight.
    /// </summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Batches per sub-orchestration (default 10): each history stays short, whatever the catalog's size, and the run's
    /// progress moves as each chunk finishes.
    /// </summary>
    public int BatchesPerChunk { get; set; } = 10;

    /// <summary>Sub-orchestrations staging at once (default 4).</summary>
    public int ParallelChunks { get; set; } = 4;

    /// <summary>Batches staging at once in each sub-orchestration (default 4; with <see cref="ParallelChunks"/>, 16 in all).</summary>
    public int ParallelBatches { get; set; } = 4;

    /// <summary>How long a run may wait for reviews before it is marked overdue (default 7 days).</summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many row errors and filtered SKUs a run lists (the counters always hold the totals; default 100, which keeps a run within one table row).</summary>
    public int MaxListedErrors { get; set; } = 100;

    /// <summary>
    /// From this many rows on, the batches match against a snapshot of the store (one bulk export) instead of each
    /// asking Shopify, whose cost limit makes per-batch lookups too slow for large files (default 5,000; 0 = always).
    /// </summary>
    public int StoreSnapshotThreshold { get; set; } = 5_000;

    /// <summary>How often the store export is polled (default 5 seconds).</summary>
    public TimeSpan StoreSnapshotPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

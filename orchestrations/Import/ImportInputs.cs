namespace CowansSync.Orchestrations.Import;

/// <summary>The input of an <see cref="ImportCatalog"/> run.</summary>
/// <param name="Settings">What to import and how.</param>
/// <param name="CreatedBy">Who started it (a person's name, or <c>timer</c>); the push it starts names them.</param>
/// <param name="Plan">The app's import settings at the start, carried in the input so every replay decides alike.</param>
/// <param name="PushPlan">The push settings for the pushes its approvals start.</param>
public sealed record ImportCatalogInput(ImportSettings Settings, string CreatedBy, ImportPlan Plan, Push.PushPlan PushPlan);

/// <summary>How an import fans out and waits, from <see cref="ImportOptions"/>.</summary>
/// <param name="BatchSize">Rows per batch.</param>
/// <param name="BatchesPerChunk">Batches per sub-orchestration, which keeps every history short whatever the catalog's size.</param>
/// <param name="ParallelChunks">Sub-orchestrations at once.</param>
/// <param name="ParallelBatches">Batches at once in each sub-orchestration.</param>
/// <param name="MaxListedErrors">Errors and filtered SKUs the run lists.</param>
/// <param name="StoreSnapshotThreshold">From this many rows on, the store is exported once to match against.</param>
/// <param name="StoreSnapshotPollInterval">How often the export is polled.</param>
/// <param name="ApprovalTimeout">How long reviews may take before the run is overdue.</param>
public sealed record ImportPlan(
    int BatchSize,
    int BatchesPerChunk,
    int ParallelChunks,
    int ParallelBatches,
    int MaxListedErrors,
    int StoreSnapshotThreshold,
    TimeSpan StoreSnapshotPollInterval,
    TimeSpan ApprovalTimeout)
{
    /// <summary>The plan of the app's settings.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The plan.</returns>
    public static ImportPlan Of(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.BatchSize, options.BatchesPerChunk, options.ParallelChunks, options.ParallelBatches, options.MaxListedErrors,
            options.StoreSnapshotThreshold, options.StoreSnapshotPollInterval, options.ApprovalTimeout);
    }
}

/// <summary>The input of <see cref="SplitCatalog"/>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="BatchSize">Rows per batch.</param>
/// <param name="MaxListedErrors">Row errors to list.</param>
public sealed record SplitCatalogInput(string RunId, ImportSettings Settings, int BatchSize, int MaxListedErrors);

/// <summary>What <see cref="SplitCatalog"/> made of the file.</summary>
/// <param name="Rows">Rows in the file, malformed ones included.</param>
/// <param name="FailedRows">Rows that could not be read.</param>
/// <param name="Batches">Batch blobs written.</param>
/// <param name="LastBatchRows">Rows in the last batch (every other batch is full).</param>
/// <param name="Errors">The first row errors, each with its file and line.</param>
/// <param name="Refusal">Why the whole file was refused; <see langword="null"/> when it was read.</param>
public sealed record CatalogSplit(long Rows, long FailedRows, int Batches, int LastBatchRows, IReadOnlyList<string> Errors, string? Refusal = null);

/// <summary>The input of <see cref="StageCatalogChunk"/>: a range of a run's batches.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="FirstBatch">The chunk's first batch.</param>
/// <param name="BatchRows">The rows of each of its batches, in order.</param>
/// <param name="ParallelBatches">Batches at once.</param>
/// <param name="MaxListedErrors">Errors and filtered SKUs to list.</param>
public sealed record StageChunkInput(string RunId, ImportSettings Settings, int FirstBatch, IReadOnlyList<int> BatchRows, int ParallelBatches, int MaxListedErrors);

/// <summary>The input of <see cref="StageBatch"/>.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BatchIndex">The batch, from 0.</param>
/// <param name="Settings">The run's settings.</param>
/// <param name="MaxListedErrors">Errors and filtered SKUs to list.</param>
public sealed record StageBatchInput(string RunId, int BatchIndex, ImportSettings Settings, int MaxListedErrors);

/// <summary>What staging one batch, or a chunk of batches, counted and listed.</summary>
/// <param name="Counters">The <see cref="ImportCounters"/>.</param>
/// <param name="Filtered">The rows Xorosoft does not know, by SKU where they have one (bounded).</param>
/// <param name="Errors">Rows that could not be staged (bounded).</param>
public sealed record StagedBatches(IReadOnlyDictionary<string, long> Counters, IReadOnlyList<string> Filtered, IReadOnlyList<string> Errors)
{
    /// <summary>Nothing staged yet.</summary>
    public static StagedBatches None { get; } = new(new Dictionary<string, long>(), [], []);

    /// <summary>This and another, with the lists kept within a bound.</summary>
    /// <param name="other">The other.</param>
    /// <param name="maxListed">The lists' bound.</param>
    /// <returns>The sum.</returns>
    public StagedBatches Add(StagedBatches other, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Workflows.Waves.Add(Counters, other.Counters), [.. Filtered.Concat(other.Filtered).Take(maxListed)], [.. Errors.Concat(other.Errors).Take(maxListed)]);
    }
}

/// <summary>The input of <see cref="LoadStoreSnapshot"/>.</summary>
/// <param name="RunId">The run, whose id names its snapshot.</param>
/// <param name="ExportId">The store export that fills it.</param>
public sealed record LoadStoreSnapshotInput(string RunId, string ExportId);

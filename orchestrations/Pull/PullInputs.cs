using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>What to pull.</summary>
/// <param name="Mode">Full, incremental or selective.</param>
/// <param name="ProductIds">For a selective pull, the products' Shopify GIDs.</param>
/// <param name="UpdatedSince">For an incremental pull, where to start instead of the stored mark.</param>
public sealed record PullSettings(PullMode Mode, IReadOnlyList<string>? ProductIds = null, DateTimeOffset? UpdatedSince = null);

/// <summary>The pull's settings, fixed when the run starts so every replay decides the same.</summary>
/// <param name="BatchSize">Store products per batch of a full pull.</param>
/// <param name="ParallelBatches">Batches synced at once.</param>
/// <param name="ExportPollInterval">How often the bulk export is polled.</param>
/// <param name="ActivityAttempts">Attempts per step before the run fails.</param>
/// <param name="ActivityRetryInterval">The first wait between attempts.</param>
public sealed record PullPlan(int BatchSize, int ParallelBatches, TimeSpan ExportPollInterval, int ActivityAttempts, TimeSpan ActivityRetryInterval)
{
    /// <summary>The retry policy of the pull's steps.</summary>
    /// <returns>The options.</returns>
    public TaskOptions Retries() => TaskOptions.FromRetryPolicy(new RetryPolicy(ActivityAttempts, ActivityRetryInterval, backoffCoefficient: 2));
}

/// <summary>A pull run's input.</summary>
/// <param name="Settings">What to pull.</param>
/// <param name="CreatedBy">Who started it; versions name them.</param>
/// <param name="Plan">The run's settings.</param>
public sealed record PullRequest(PullSettings Settings, string CreatedBy, PullPlan Plan);

/// <summary>How a pull ended.</summary>
/// <param name="Status">Completed, or completed with errors.</param>
/// <param name="Counters">The summary (<see cref="PullCounters"/>).</param>
/// <param name="Mark">The high-water mark after the run; <see langword="null"/> when there is none yet.</param>
public sealed record PullSummary(RunStatus Status, IReadOnlyDictionary<string, long> Counters, DateTimeOffset? Mark);

/// <summary>A full pull's export to split.</summary>
/// <param name="RunId">The pull run.</param>
/// <param name="ExportId">The bulk export.</param>
/// <param name="BatchSize">Products per batch.</param>
public sealed record SplitPullExportInput(string RunId, string ExportId, int BatchSize);

/// <summary>One batch of a full pull.</summary>
/// <param name="RunId">The pull run.</param>
/// <param name="BatchIndex">The batch.</param>
/// <param name="Actor">Who started the pull.</param>
public sealed record PullBatchInput(string RunId, int BatchIndex, string Actor);

/// <summary>One page of a paged pull.</summary>
/// <param name="RunId">The pull run.</param>
/// <param name="Query">The search.</param>
/// <param name="Cursor">Where the page starts.</param>
/// <param name="Actor">Who started the pull.</param>
public sealed record PullPageInput(string RunId, string Query, string? Cursor, string Actor);

/// <summary>What one page of a paged pull did.</summary>
/// <param name="Counters">The page's counters.</param>
/// <param name="NextCursor">Where the next page starts; <see langword="null"/> after the last.</param>
/// <param name="LastUpdatedAt">The latest <c>updatedAt</c> on the page; <see langword="null"/> for an empty page.</param>
public sealed record PulledPage(IReadOnlyDictionary<string, long> Counters, string? NextCursor, DateTimeOffset? LastUpdatedAt);

using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Apis;

/// <summary>A sync run as seed 002's <c>sync_batches</c> item (<c>GET /api/sync/batches</c>).</summary>
/// <param name="BatchId">The run's id.</param>
/// <param name="BatchName">The <c>batch_name</c> it was started with, if any.</param>
/// <param name="SyncType">The <c>sync_type</c> it was started with (e.g. <c>incremental</c>), if any.</param>
/// <param name="Direction">etilize_import, push_to_shopify, pull_from_shopify or xorosoft_inventory, as the filter names it.</param>
/// <param name="SyncDirection">The same, under seed 002's name.</param>
/// <param name="Kind">The run's workflow.</param>
/// <param name="Status">The run's status.</param>
/// <param name="TotalItems">Items to process.</param>
/// <param name="ProcessedItems">Items done, whatever their outcome.</param>
/// <param name="SuccessfulItems">Items done successfully.</param>
/// <param name="FailedItems">Items that failed.</param>
/// <param name="SkippedItems">Items left out.</param>
/// <param name="ProcessingRate">Items processed per second from the start to the last progress (or the end).</param>
/// <param name="ApiCallsMade">External API requests (the run's <c>api_calls</c> counter).</param>
/// <param name="ApiQuotaUsed">External API quota used (the run's <c>api_cost</c> counter).</param>
/// <param name="ErrorSummary">What went wrong, or <see langword="null"/> when nothing did.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedAt">When it was created (runs start when they are created).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="EstimatedCompletion">When it should finish, at the pace so far.</param>
/// <param name="StatusUrl">The run's URL.</param>
public sealed record SyncBatchView(
    string BatchId, string? BatchName, string? SyncType, string Direction, string SyncDirection, string Kind, string Status,
    long TotalItems, long ProcessedItems, long SuccessfulItems, long FailedItems, long SkippedItems,
    decimal ProcessingRate, long ApiCallsMade, long ApiQuotaUsed, BatchErrorSummary? ErrorSummary, string? CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? EstimatedCompletion, string StatusUrl)
{
    /// <summary>The view of a sync run.</summary>
    /// <param name="run">The run.</param>
    /// <param name="direction">The direction its kind syncs in (<see cref="RunKinds.DirectionOf"/>).</param>
    /// <returns>The view.</returns>
    public static SyncBatchView Of(WorkflowRun run, ChangeDirection direction)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (batchName, syncType) = ReadNames(run);
        var progress = run.Progress;
        var wireDirection = WireName.Of(direction);
        return new SyncBatchView(
            run.RunId, batchName, syncType, wireDirection, wireDirection, run.Kind, WireName.Of(run.Status),
            progress.Total, progress.Processed, progress.Succeeded, progress.Failed, progress.Skipped,
            RunPace.ItemsPerSecond(run), run.Counter(RunCounters.ApiCalls), run.Counter(RunCounters.ApiCost),
            run.LastError is null && run.Errors.Count == 0 ? null : new BatchErrorSummary(run.LastError, run.Errors),
            run.CreatedBy, run.StartedAt, run.StartedAt, run.UpdatedAt, run.CompletedAt, run.EstimatedCompletion, $"/api/runs/{run.RunId}");
    }

    // Only push runs are named; the seeds' sync_type has no counterpart in these runs' inputs yet.
    private static (string? BatchName, string? SyncType) ReadNames(WorkflowRun run) => (run.InputAs<NamedRunInput>()?.Settings?.BatchName, null);

    private sealed record NamedRunInput(NamedRunSettings? Settings);

    private sealed record NamedRunSettings(string? BatchName);
}

/// <summary>A batch's errors (seed 002's <c>error_summary</c>).</summary>
/// <param name="LastError">The error that stopped or troubled the run.</param>
/// <param name="Errors">Item-level errors (bounded; <c>failed_items</c> holds the total).</param>
public sealed record BatchErrorSummary(string? LastError, IReadOnlyList<string> Errors);

using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>GET /api/sync/metrics</c>. An operation is a workflow run of any kind.</summary>
/// <param name="TotalOperations">Every run.</param>
/// <param name="CompletedOperations">Runs that finished their work: <c>completed</c> or <c>completed_with_errors</c>.</param>
/// <param name="FailedOperations">Runs stopped by an error (<c>failed</c>); cancelled runs count in neither.</param>
/// <param name="OperationsPerSecond">
/// Items processed per second over the last hour (<see cref="ThroughputWindow"/>), all runs together: each run's processed
/// items are spread evenly from its start to its last progress (its end, or its last update while it runs), the share
/// inside the hour is summed and divided by the hour's seconds; two decimals.
/// </param>
/// <param name="QueueDepth">Messages waiting in the queue functions' queues.</param>
/// <param name="PoisonDepth">Messages in their poison queues, waiting for a re-drive.</param>
/// <param name="ActiveRuns">Runs not finished: <c>pending</c>, <c>running</c> or <c>awaiting_approval</c>.</param>
/// <param name="Staged">Staged changes by status, every status present (zeros included).</param>
/// <param name="LastUpdated">When these figures were computed.</param>
public sealed record SyncMetrics(
    int TotalOperations, int CompletedOperations, int FailedOperations, decimal OperationsPerSecond, long QueueDepth, long PoisonDepth,
    int ActiveRuns, IReadOnlyDictionary<string, int> Staged, DateTimeOffset LastUpdated)
{
    /// <summary>The window <see cref="OperationsPerSecond"/> is measured over.</summary>
    public static readonly TimeSpan ThroughputWindow = TimeSpan.FromHours(1);

    /// <summary>Computes the metrics.</summary>
    /// <param name="runs">Every run.</param>
    /// <param name="staged">Staged changes by status.</param>
    /// <param name="backlog">The queue depths.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The metrics.</returns>
    public static SyncMetrics Of(IReadOnlyList<WorkflowRun> runs, IReadOnlyDictionary<ChangeStatus, int> staged, QueueBacklog backlog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(backlog);
        return new SyncMetrics(
            runs.Count,
            runs.Count(run => run.Status is RunStatus.Completed or RunStatus.CompletedWithErrors),
            runs.Count(run => run.Status == RunStatus.Failed),
            Math.Round(runs.Sum(run => ItemsInWindow(run, now - ThroughputWindow, now)) / (decimal)ThroughputWindow.TotalSeconds, 2),
            backlog.Depth,
            backlog.PoisonDepth,
            runs.Count(run => !run.Status.IsFinished()),
            Enum.GetValues<ChangeStatus>().ToDictionary(WireName.Of, status => staged.GetValueOrDefault(status), StringComparer.Ordinal),
            now);
    }

    private static decimal ItemsInWindow(WorkflowRun run, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var (start, end) = (run.StartedAt, RunPace.LastProgressAt(run));
        if (run.Progress.Processed == 0 || end < windowStart || start > windowEnd)
        {
            return 0m;
        }

        var duration = end - start;
        if (duration <= TimeSpan.Zero)
        {
            return run.Progress.Processed;
        }

        var overlap = (end < windowEnd ? end : windowEnd) - (start > windowStart ? start : windowStart);
        return run.Progress.Processed * (decimal)(overlap / duration);
    }
}

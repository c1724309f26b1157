using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Apis;

/// <summary>A run that has not finished (<c>GET /api/sync/jobs/active</c>), in seed 000's <c>ActiveJob</c> shape.</summary>
/// <param name="JobId">The run's id.</param>
/// <param name="Type">The run's workflow (its kind).</param>
/// <param name="Direction">The direction it syncs in, or <see langword="null"/> for a run that is not a sync.</param>
/// <param name="Status">pending, running or awaiting_approval.</param>
/// <param name="Phase">The workflow's step.</param>
/// <param name="Progress">Processed of total, in percent (0 while the total is unknown).</param>
/// <param name="TotalItems">Items to process.</param>
/// <param name="ProcessedItems">Items done.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="EstimatedCompletion">When it should finish at the pace so far; <see langword="null"/> before any item is done.</param>
/// <param name="StatusUrl">The run's URL.</param>
public sealed record ActiveJobView(
    string JobId, string Type, string? Direction, string Status, string Phase, decimal Progress, long TotalItems, long ProcessedItems,
    DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EstimatedCompletion, string StatusUrl)
{
    /// <summary>The view of an unfinished run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The view.</returns>
    public static ActiveJobView Of(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ActiveJobView(
            run.RunId, run.Kind, RunKinds.DirectionOf(run.Kind) is { } direction ? WireName.Of(direction) : null, WireName.Of(run.Status), run.Phase,
            run.Progress.Percent, run.Progress.Total, run.Progress.Processed, run.StartedAt, run.UpdatedAt, run.EstimatedCompletion, $"/api/runs/{run.RunId}");
    }
}

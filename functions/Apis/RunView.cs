using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Schedules;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Apis;

/// <summary>A run as the API shows it (<c>GET /api/runs/{run_id}</c>).</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Kind">The workflow.</param>
/// <param name="Status">pending, running, awaiting_approval, completed, completed_with_errors, failed or cancelled.</param>
/// <param name="Phase">The workflow's step.</param>
/// <param name="Progress">How far it has come.</param>
/// <param name="Counters">The workflow's counters (for an import, its summary).</param>
/// <param name="CustomStatus">A short workflow-specific status, e.g. <c>overdue</c>.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="EstimatedCompletion">When it should finish, at the pace so far.</param>
/// <param name="LastError">The error that stopped or troubled it.</param>
/// <param name="Errors">Item-level errors (bounded; the counters hold the totals).</param>
/// <param name="Links">Related URLs: <c>self</c>, <c>events</c>, <c>cancel</c>, <c>redrive</c>; <c>staged</c> (the changes it staged, or for a push the changes of the run it pushes, with <c>source</c>); <c>conflicts</c> for a pull; <c>schedule</c> for a scheduled run.</param>
public sealed record RunView(
    string RunId,
    string Kind,
    string Status,
    string Phase,
    RunProgressView Progress,
    IReadOnlyDictionary<string, long> Counters,
    string? CustomStatus,
    string? CreatedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? EstimatedCompletion,
    string? LastError,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, string> Links)
{
    /// <summary>The view of a run.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The view.</returns>
    public static RunView Of(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var self = $"/api/runs/{run.RunId}";
        return new RunView(
            run.RunId,
            run.Kind,
            WireName.Of(run.Status),
            run.Phase,
            RunProgressView.Of(run.Progress),
            run.Counters,
            run.CustomStatus,
            run.CreatedBy,
            run.StartedAt,
            run.UpdatedAt,
            run.CompletedAt,
            run.EstimatedCompletion,
            run.LastError,
            run.Errors,
            LinksOf(run, self));
    }

    // Every link leads to something of this run's: a push's changes are staged under the run it pushes, a pull stages
    // nothing of its own, a schedule's run neither (its steps are runs of their own).
    private static Dictionary<string, string> LinksOf(WorkflowRun run, string self)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["self"] = self,
            ["events"] = $"{self}/events/{{name}}",
            ["cancel"] = $"{self}/cancel",
            ["redrive"] = $"{self}/redrive",
        };
        switch (run.Kind)
        {
            case RunKinds.ShopifyPush:
                if (run.InputAs<Orchestrations.Push.PushRequest>()?.Settings.SourceRunId is { } source)
                {
                    links["staged"] = $"/api/sync/staged?batch_id={Uri.EscapeDataString(source)}";
                    links["source"] = $"/api/runs/{Uri.EscapeDataString(source)}";
                }

                break;
            case RunKinds.ShopifyPull:
                // A pull writes the store's values straight to the catalog (with versions); what it stages is conflicts on others' changes.
                links["conflicts"] = "/api/shopify/sync/conflicts";
                break;
            case RunKinds.ScheduledSync:
                if (run.InputAs<ScheduledSyncRequest>()?.ScheduleId is { } schedule)
                {
                    links["schedule"] = $"/api/batch/sync/{Uri.EscapeDataString(schedule)}";
                }

                break;
            default:
                links["staged"] = $"/api/sync/staged?batch_id={Uri.EscapeDataString(run.RunId)}";
                break;
        }

        return links;
    }
}

/// <summary>A run's progress, with its percentage.</summary>
/// <param name="Total">Items to process.</param>
/// <param name="Processed">Items done.</param>
/// <param name="Succeeded">Items done successfully.</param>
/// <param name="Failed">Items that failed.</param>
/// <param name="Skipped">Items left out.</param>
/// <param name="Percent">Processed of total, in percent.</param>
public sealed record RunProgressView(long Total, long Processed, long Succeeded, long Failed, long Skipped, decimal Percent)
{
    /// <summary>The view of a progress.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>The view.</returns>
    public static RunProgressView Of(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new(progress.Total, progress.Processed, progress.Succeeded, progress.Failed, progress.Skipped, progress.Percent);
    }
}

using System.Globalization;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/sync/batches</c>, <c>/metrics</c>, <c>/recent-activity</c> and <c>/jobs/active</c>: read-only views of runs,
/// queues, staged counts and the audit log for the dashboard (viewer role).
/// </summary>
/// <remarks>
/// Batches and metrics read every run row (one small row per run, no batch markers or events): fine at today's volume
/// of a few runs a day; past some thousands of runs, keep a summary row instead. Staged counts read only the
/// <c>Status</c> column of the staged changes, never their records; active jobs read only the unfinished runs.
/// </remarks>
/// <param name="changes">The staged changes (counted, never listed).</param>
/// <param name="audit">The audit log.</param>
/// <param name="triggers">The functions (which queues to measure).</param>
/// <param name="storage">The storage clients (queue depths).</param>
/// <param name="time">The clock.</param>
public sealed class SyncMonitoringApi(StagedChangeStore changes, AuditLog audit, FunctionTriggers triggers, StorageClients storage, TimeProvider time)
{
    /// <summary>The default number of recent-activity entries.</summary>
    public const int DefaultActivityLimit = 50;

    /// <summary>The most recent-activity entries one call returns.</summary>
    public const int MaxActivityLimit = 200;

    private static readonly RunStatus[] Unfinished = [.. Enum.GetValues<RunStatus>().Where(status => !status.IsFinished())];

    /// <summary>
    /// Lists sync runs (kinds with a direction, see <see cref="RunKinds"/>) as batches, newest first: only the query's
    /// <c>direction</c> (etilize_import, push_to_shopify, pull_from_shopify or xorosoft_inventory) and <c>status</c>, when
    /// given; paged by <c>page</c> and <c>per_page</c>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The task hub (the runs).</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    [Function(nameof(ListSyncBatches))]
    [Paged]
    [QueryParameter("direction", typeof(string), "Only runs of this sync_direction.")]
    [QueryParameter("status", typeof(string), "Only runs in this status.")]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<PagedList<SyncBatchView>>, BadRequest<ApiError>>> ListSyncBatches(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/batches")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        var direction = ApiQuery.Text(request, "direction");
        var status = ApiQuery.Text(request, "status");
        string? kind = null;
        if (direction is not null)
        {
            kind = WireName.TryParse<ChangeDirection>(direction, out var wanted) ? RunKinds.KindOf(wanted) : null;
            if (kind is null)
            {
                errors["direction"] = $"must be one of {string.Join(", ", RunKinds.SyncDirections.Select(WireName.Of))}";
            }
        }

        RunStatus? wantedStatus = null;
        if (status is not null)
        {
            if (WireName.TryParse<RunStatus>(status, out var parsed))
            {
                wantedStatus = parsed;
            }
            else
            {
                errors["status"] = $"must be one of {WireName.ListOf<RunStatus>()}";
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The batch query is invalid.", errors));
        }

        var found = await client.ListRunsAsync(kind, wantedStatus, cancellationToken);
        var batches = found.Select(run => (Run: run, Direction: RunKinds.DirectionOf(run.Kind)))
            .Where(pair => pair.Direction is not null)
            .Select(pair => SyncBatchView.Of(pair.Run, pair.Direction!.Value))
            .ToList();
        return TypedResults.Ok(batches.ToPage(pageNumber, pageSize));
    }

    /// <summary>Run, queue and staging figures; each is defined on <see cref="SyncMetrics"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The task hub (the runs).</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The metrics.</returns>
    [Function(nameof(GetSyncMetrics))]
    [Authorize(Roles.Viewer)]
    public async Task<Ok<SyncMetrics>> GetSyncMetrics(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/metrics")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var all = client.ListRunsAsync(null, null, cancellationToken);
        var staged = changes.CountByStatusAsync(null, cancellationToken);
        var backlog = QueueBacklog.ReadAsync(triggers, storage, cancellationToken);
        await Task.WhenAll(all, staged, backlog);
        return TypedResults.Ok(SyncMetrics.Of(await all, await staged, await backlog, time.GetUtcNow()));
    }

    /// <summary>The latest audit entries, newest first: as many as the query's <c>limit</c>, 1–200 (default 50).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The entries, or 400 naming <c>limit</c>.</returns>
    [Function(nameof(GetRecentActivity))]
    [QueryParameter("limit", typeof(int), "How many entries, most recent first.")]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<RecentActivity>, BadRequest<ApiError>>> GetRecentActivity(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/recent-activity")] HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = ApiQuery.Text(request, "limit");
        var count = DefaultActivityLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxActivityLimit))
        {
            return TypedResults.BadRequest(new ApiError("The activity query is invalid.", new Dictionary<string, object?>
            {
                ["limit"] = $"must be a whole number between 1 and {MaxActivityLimit}",
            }));
        }

        return TypedResults.Ok(new RecentActivity(await audit.ReadLatestAsync(count, cancellationToken)));
    }

    /// <summary>Runs not finished (pending, running, awaiting approval) with their progress and estimated completion, newest first; paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The task hub (the runs).</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    [Function(nameof(ListActiveJobs))]
    [Paged]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<PagedList<ActiveJobView>>, BadRequest<ApiError>>> ListActiveJobs(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/jobs/active")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The job query is invalid.", errors));
        }

        // One query per unfinished status reads only those runs, however many finished ones there are.
        var lists = await Task.WhenAll(Unfinished.Select(status => client.ListRunsAsync(null, status, cancellationToken)));
        var jobs = lists.SelectMany(list => list)
            .OrderByDescending(run => run.StartedAt).ThenBy(run => run.RunId, StringComparer.Ordinal)
            .Select(ActiveJobView.Of)
            .ToList();
        return TypedResults.Ok(jobs.ToPage(pageNumber, pageSize));
    }
}

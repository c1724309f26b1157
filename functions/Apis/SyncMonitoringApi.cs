using System.Globalization;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
public static class SyncMonitoringApi
{
    /// <summary>The default number of recent-activity entries.</summary>
    public const int DefaultActivityLimit = 50;

    /// <summary>The most recent-activity entries one call returns.</summary>
    public const int MaxActivityLimit = 200;

    private static readonly RunStatus[] Unfinished = [.. Enum.GetValues<RunStatus>().Where(status => !status.IsFinished())];

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/sync</c> group.</returns>
    public static RouteGroupBuilder MapSyncMonitoringApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sync").WithTags("Sync monitoring");
        group.MapGet("/batches", ListBatchesAsync).WithName("ListSyncBatches");
        group.MapGet("/metrics", GetMetricsAsync).WithName("GetSyncMetrics");
        group.MapGet("/recent-activity", GetRecentActivityAsync).WithName("GetRecentActivity");
        group.MapGet("/jobs/active", ListActiveJobsAsync).WithName("ListActiveJobs");
        return group;
    }

    /// <summary>Lists sync runs (kinds with a direction, see <see cref="RunKinds"/>) as batches, newest first.</summary>
    /// <param name="direction">Only this direction: etilize_import, push_to_shopify, pull_from_shopify or xorosoft_inventory.</param>
    /// <param name="status">Only runs in this status.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">Runs.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    public static async Task<Results<Ok<PagedList<SyncBatchView>>, BadRequest<ApiError>>> ListBatchesAsync(
        string? direction, string? status, int? page, [FromQuery(Name = "per_page")] int? perPage,
        [AsParameters] SyncMonitoringServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
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

        var runs = await services.Runs.ListAsync(kind, wantedStatus, cancellationToken);
        var batches = runs.Select(run => (Run: run, Direction: RunKinds.DirectionOf(run.Kind)))
            .Where(pair => pair.Direction is not null)
            .Select(pair => SyncBatchView.Of(pair.Run, pair.Direction!.Value))
            .ToList();
        return TypedResults.Ok(batches.ToPage(pageNumber, pageSize));
    }

    /// <summary>Run, queue and staging figures; each is defined on <see cref="SyncMetrics"/>.</summary>
    /// <param name="services">Runs, staged changes, queues, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The metrics.</returns>
    public static async Task<Ok<SyncMetrics>> GetMetricsAsync([AsParameters] SyncMonitoringServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var runs = services.Runs.ListAsync(null, null, cancellationToken);
        var staged = services.Changes.CountByStatusAsync(null, cancellationToken);
        var backlog = QueueBacklog.ReadAsync(services.Triggers, services.Storage, cancellationToken);
        await Task.WhenAll(runs, staged, backlog);
        return TypedResults.Ok(SyncMetrics.Of(await runs, await staged, await backlog, services.Time.GetUtcNow()));
    }

    /// <summary>The latest audit entries, newest first.</summary>
    /// <param name="limit">How many, 1–200 (default 50).</param>
    /// <param name="services">The audit log.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The entries, or 400 naming <c>limit</c>.</returns>
    public static async Task<Results<Ok<RecentActivity>, BadRequest<ApiError>>> GetRecentActivityAsync(
        string? limit, [AsParameters] SyncMonitoringServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var count = DefaultActivityLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxActivityLimit))
        {
            return TypedResults.BadRequest(new ApiError("The activity query is invalid.", new Dictionary<string, object?>
            {
                ["limit"] = $"must be a whole number between 1 and {MaxActivityLimit}",
            }));
        }

        return TypedResults.Ok(new RecentActivity(await services.Audit.ReadLatestAsync(count, cancellationToken)));
    }

    /// <summary>Runs not finished (pending, running, awaiting approval) with their progress and estimated completion, newest first.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">Runs.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    public static async Task<Results<Ok<PagedList<ActiveJobView>>, BadRequest<ApiError>>> ListActiveJobsAsync(
        int? page, [FromQuery(Name = "per_page")] int? perPage, [AsParameters] SyncMonitoringServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The job query is invalid.", errors));
        }

        // One query per unfinished status reads only those runs, however many finished ones there are.
        var lists = await Task.WhenAll(Unfinished.Select(status => services.Runs.ListAsync(null, status, cancellationToken)));
        var jobs = lists.SelectMany(runs => runs)
            .OrderByDescending(run => run.StartedAt).ThenBy(run => run.RunId, StringComparer.Ordinal)
            .Select(ActiveJobView.Of)
            .ToList();
        return TypedResults.Ok(jobs.ToPage(pageNumber, pageSize));
    }
}

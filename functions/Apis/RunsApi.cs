using System.Security.Claims;
using System.Text.Json;
using CowansSync.Functions.Auth;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/runs</c>: every workflow run's state, its external events, cancellation and re-drive.</summary>
public static class RunsApi
{
    private const int MaxEventNameLength = 64;
    private const int MaxEventBodyBytes = 32 * 1024;

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/runs</c> group.</returns>
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/runs").WithTags("Runs");
        group.MapGet("/", ListRunsAsync).WithName("ListRuns");
        group.MapGet("/{runId}", GetRunAsync).WithName("GetRun");
        group.MapPost("/{runId}/events/{name}", RaiseEventAsync).RequireAuthorization(Roles.Approver).WithName("RaiseRunEvent");
        group.MapPost("/{runId}/cancel", CancelAsync).RequireAuthorization(Roles.Operator).WithName("CancelRun");
        group.MapPost("/{runId}/redrive", RedriveAsync).RequireAuthorization(Roles.Admin).WithName("RedriveRun");
        return group;
    }

    /// <summary>Lists runs, newest first.</summary>
    /// <param name="kind">Only runs of this workflow.</param>
    /// <param name="status">Only runs in this status.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">Runs.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming the bad parameter.</returns>
    public static async Task<Results<Ok<PagedList<RunView>>, BadRequest<ApiError>>> ListRunsAsync(
        string? kind, string? status, int? page, [FromQuery(Name = "per_page")] int? perPage, [AsParameters] RunsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
        RunStatus? wanted = null;
        if (status is not null)
        {
            if (WireName.TryParse<RunStatus>(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = $"must be one of {WireName.ListOf<RunStatus>()}";
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The run query is invalid.", errors));
        }

        var runs = await services.Runs.ListAsync(kind, wanted, cancellationToken);
        return TypedResults.Ok(runs.Select(RunView.Of).ToList().ToPage(pageNumber, pageSize));
    }

    /// <summary>One run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="services">Runs.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The run, or 404.</returns>
    public static async Task<Results<Ok<RunView>, NotFound<ApiError>>> GetRunAsync(string runId, [AsParameters] RunsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return await services.Runs.GetAsync(runId, cancellationToken) is { } run
            ? TypedResults.Ok(RunView.Of(run))
            : TypedResults.NotFound(UnknownRun(runId));
    }

    /// <summary>Raises an external event on a run; a repeat with the same <c>event_id</c> is ignored, and an early event is kept.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="name">The event, e.g. <c>approval</c>.</param>
    /// <param name="request">The request, whose JSON body (optional, with an optional <c>event_id</c>) is the event's payload.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Runs and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202; 400 for a bad name or body; 404; 410 when the run has finished.</returns>
    public static async Task<Results<Accepted<RaisedEvent>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> RaiseEventAsync(
        string runId, string name, HttpRequest request, ClaimsPrincipal user, [AsParameters] RunsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        if (name.Length > MaxEventNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return TypedResults.BadRequest(new ApiError("The event name is invalid.", new Dictionary<string, object?> { ["name"] = $"must be 1 to {MaxEventNameLength} letters, digits, '_' or '-'" }));
        }

        var (payload, eventId, bodyError) = await ReadEventBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return TypedResults.BadRequest(new ApiError("The event body is invalid.", new Dictionary<string, object?> { ["body"] = bodyError }));
        }

        if (await services.Runs.GetAsync(runId, cancellationToken) is not { } run)
        {
            return TypedResults.NotFound(UnknownRun(runId));
        }

        if (run.Status.IsFinished())
        {
            return Gone(run);
        }

        var raised = new RunEvent(name, eventId ?? Guid.NewGuid().ToString("N"), payload, user.GetCallerName(), services.Time.GetUtcNow());
        var kept = await services.Runs.TryAddEventAsync(runId, raised, cancellationToken);
        if (kept)
        {
            await services.Audit.WriteAsync(user, "run.event_raised", runId, $"event={name}; event_id={raised.EventId}", cancellationToken);
        }

        return TypedResults.Accepted($"/api/runs/{runId}", new RaisedEvent(runId, name, raised.EventId, Duplicate: !kept));
    }

    /// <summary>Cancels a run: its remaining steps find it cancelled and stop.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Runs and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 404; 410 when it has finished.</returns>
    public static async Task<Results<Accepted<RunView>, NotFound<ApiError>, JsonHttpResult<ApiError>>> CancelAsync(
        string runId, ClaimsPrincipal user, [AsParameters] RunsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (await services.Runs.GetAsync(runId, cancellationToken) is null)
        {
            return TypedResults.NotFound(UnknownRun(runId));
        }

        var now = services.Time.GetUtcNow();
        var (run, changed) = await services.Runs.UpdateAsync(runId, r => r.Status.IsFinished() ? null : r with
        {
            Status = RunStatus.Cancelled, UpdatedAt = now, CompletedAt = now,
        }, cancellationToken);
        if (!changed)
        {
            return Gone(run);
        }

        await services.Audit.WriteAsync(user, "run.cancelled", runId, null, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", RunView.Of(run));
    }

    /// <summary>Re-drives the run's poison messages (once what made them fail is fixed).</summary>
    /// <param name="runId">The run.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Runs, the re-driver and audit.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 with the count; 404.</returns>
    public static async Task<Results<Ok<RedriveResult>, NotFound<ApiError>>> RedriveAsync(
        string runId, ClaimsPrincipal user, [AsParameters] RunsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (await services.Runs.GetAsync(runId, cancellationToken) is null)
        {
            return TypedResults.NotFound(UnknownRun(runId));
        }

        var redriven = await services.Redriver.RedriveAsync(runId, cancellationToken);
        await services.Audit.WriteAsync(user, "run.redriven", runId, $"messages={redriven}", cancellationToken);
        return TypedResults.Ok(new RedriveResult(runId, redriven));
    }

    private static async Task<(string Payload, string? EventId, string? Error)> ReadEventBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return ("{}", null, null);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxEventBodyBytes)
        {
            return (string.Empty, null, $"must be at most {MaxEventBodyBytes} bytes");
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (string.Empty, null, "must be a JSON object");
            }

            var eventId = document.RootElement.TryGetProperty("event_id", out var id) ? id.ValueKind == JsonValueKind.String ? id.GetString() : "" : null;
            if (eventId is not null && (eventId.Length is 0 or > 100 || !eventId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
            {
                return (string.Empty, null, "event_id must be a string of 1 to 100 letters, digits, '_', '-' or '.'");
            }

            return (document.RootElement.GetRawText(), eventId, null);
        }
        catch (JsonException)
        {
            return (string.Empty, null, "must be JSON");
        }
    }

    private static ApiError UnknownRun(string runId) => new("No such run.", new Dictionary<string, object?> { ["run_id"] = runId });

    private static JsonHttpResult<ApiError> Gone(WorkflowRun run) => TypedResults.Json(
        new ApiError("The run has finished.", new Dictionary<string, object?> { ["run_id"] = run.RunId, ["status"] = WireName.Of(run.Status) }),
        statusCode: StatusCodes.Status410Gone);
}

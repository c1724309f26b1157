using System.Text.Json;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/runs</c>: every workflow run — a Durable orchestration instance — with its state, its external events,
/// cancellation (terminate) and re-drive (restart from its input).
/// </summary>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock of the events' timestamps.</param>
public sealed class RunsApi(AuditLog audit, TimeProvider time)
{
    private const int MaxEventNameLength = 64;
    private const int MaxEventBodyBytes = 32 * 1024;

    /// <summary>Lists runs, newest first; filtered by <c>kind</c> and <c>status</c>, paged by <c>page</c> and <c>per_page</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming the bad parameter.</returns>
    [Function(nameof(ListRuns))]
    [Paged]
    [QueryParameter("kind", typeof(string), "Only runs of this workflow, e.g. etilize_import, shopify_push, scheduled_sync.")]
    [QueryParameter("status", typeof(string), "Only runs in this status, e.g. running, completed.")]
    [Authorize(Roles.Viewer)]
    public static async Task<Results<Ok<PagedList<RunView>>, BadRequest<ApiError>>> ListRuns(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        RunStatus? wanted = null;
        if (ApiQuery.Text(request, "status") is { } status)
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

        var runs = await client.ListRunsAsync(ApiQuery.Text(request, "kind"), wanted, cancellationToken);
        return TypedResults.Ok(runs.Select(RunView.Of).ToList().ToPage(pageNumber, pageSize));
    }

    /// <summary>One run.</summary>
    /// <param name="request">The request.</param>
    /// <param name="runId">The run.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The run, or 404.</returns>
    [Function(nameof(GetRun))]
    [Authorize(Roles.Viewer)]
    public static async Task<Results<Ok<RunView>, NotFound<ApiError>>> GetRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}")] HttpRequest request, string runId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.GetRunAsync(runId, cancellationToken) is { } run ? TypedResults.Ok(RunView.Of(run)) : TypedResults.NotFound(UnknownRun(runId));
    }

    /// <summary>
    /// Raises an external event on a run (e.g. <c>approval</c>); the JSON body (optional, with an optional <c>event_id</c>)
    /// is its payload. The framework keeps an event the run does not wait for yet; the run ignores an <c>event_id</c> it handled.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="runId">The run.</param>
    /// <param name="name">The event.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202; 400 for a bad name or body; 404; 410 when the run has finished.</returns>
    [Function(nameof(RaiseRunEvent))]
    [JsonRequestBody(typeof(JsonElement), Required = false)]
    [Authorize(Roles.Approver)]
    public async Task<Results<Accepted<RaisedEvent>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> RaiseRunEvent(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/events/{name}")] HttpRequest request, string runId, string name,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (name.Length > MaxEventNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return TypedResults.BadRequest(new ApiError("The event name is invalid.", new Dictionary<string, object?> { ["name"] = $"must be 1 to {MaxEventNameLength} letters, digits, '_' or '-'" }));
        }

        var (payload, eventId, bodyError) = await ReadEventBodyAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return TypedResults.BadRequest(new ApiError("The event body is invalid.", new Dictionary<string, object?> { ["body"] = bodyError }));
        }

        if (await client.GetRunAsync(runId, cancellationToken) is not { } run)
        {
            return TypedResults.NotFound(UnknownRun(runId));
        }

        if (run.Status.IsFinished())
        {
            return Gone(run);
        }

        var user = request.HttpContext.User;
        var raised = new RunEvent(name, eventId ?? Guid.NewGuid().ToString("N"), payload, user.GetCallerName(), time.GetUtcNow());
        await client.RaiseEventAsync(runId, name, raised, cancellationToken);
        await audit.WriteAsync(user, "run.event_raised", runId, $"event={name}; event_id={raised.EventId}", cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", new RaisedEvent(runId, name, raised.EventId));
    }

    /// <summary>Cancels a run: its orchestration, and the runs it started, are terminated.</summary>
    /// <param name="request">The request.</param>
    /// <param name="runId">The run.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 404; 410 when it has finished.</returns>
    [Function(nameof(CancelRun))]
    [Authorize(Roles.Operator)]
    public async Task<Results<Accepted<RunView>, NotFound<ApiError>, JsonHttpResult<ApiError>>> CancelRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/cancel")] HttpRequest request, string runId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetRunAsync(runId, cancellationToken) is not { } run)
        {
            return TypedResults.NotFound(UnknownRun(runId));
        }

        if (run.Status.IsFinished())
        {
            return Gone(run);
        }

        var user = request.HttpContext.User;
        await client.TerminateInstanceAsync(runId, new TerminateInstanceOptions($"cancelled by {user.GetCallerName()}", Recursive: true), cancellationToken);
        await audit.WriteAsync(user, "run.cancelled", runId, null, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", RunView.Of(run with { Status = RunStatus.Cancelled }));
    }

    /// <summary>The seeds' <c>GET /api/shopify/sync-down/status/{batch_id}</c>: a pull run, as <see cref="GetRun"/> answers it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="batchId">The pull run.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The run, or 404.</returns>
    [Function(nameof(GetSyncDownStatus))]
    [Authorize(Roles.Viewer)]
    public static Task<Results<Ok<RunView>, NotFound<ApiError>>> GetSyncDownStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "shopify/sync-down/status/{batchId}")] HttpRequest request, string batchId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
        => GetRun(request, batchId, client, cancellationToken);

    /// <summary>The seeds' <c>POST /api/shopify/sync-down/cancel/{batch_id}</c>: cancels a pull run, as <see cref="CancelRun"/> does.</summary>
    /// <param name="request">The request.</param>
    /// <param name="batchId">The pull run.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 404; 410 when it has finished.</returns>
    [Function(nameof(CancelSyncDown))]
    [Authorize(Roles.Operator)]
    public Task<Results<Accepted<RunView>, NotFound<ApiError>, JsonHttpResult<ApiError>>> CancelSyncDown(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shopify/sync-down/cancel/{batchId}")] HttpRequest request, string batchId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
        => CancelRun(request, batchId, client, cancellationToken);

    /// <summary>Re-drives a failed run (once what made it fail is fixed): it starts again from its input, under its id.</summary>
    /// <param name="request">The request.</param>
    /// <param name="runId">The run.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202; 404; 409 when the run has not failed.</returns>
    [Function(nameof(RedriveRun))]
    [Authorize(Roles.Admin)]
    public async Task<Results<Accepted<RedriveResult>, NotFound<ApiError>, Conflict<ApiError>>> RedriveRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/redrive")] HttpRequest request, string runId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetRunAsync(runId, cancellationToken) is not { } run)
        {
            return TypedResults.NotFound(UnknownRun(runId));
        }

        if (run.Status != RunStatus.Failed)
        {
            return TypedResults.Conflict(new ApiError("Only a failed run can be re-driven.", new Dictionary<string, object?> { ["status"] = WireName.Of(run.Status) }));
        }

        await client.RestartAsync(runId, restartWithNewInstanceId: false, cancellationToken);
        await audit.WriteAsync(request.HttpContext.User, "run.redriven", runId, null, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", new RedriveResult(runId, WireName.Of(RunStatus.Pending), $"/api/runs/{runId}"));
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

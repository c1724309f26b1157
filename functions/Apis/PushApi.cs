using System.Globalization;
using System.Security.Cryptography;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Push;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>POST /api/sync/shopify/push</c> and <c>POST /api/sync/rollback/{change_id}</c> (approver): both start a push run
/// and answer 202 with where to follow it. Both are audited.
/// </summary>
/// <param name="push">Starts push runs.</param>
/// <param name="changes">The staged changes.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class PushApi(PushStarter push, StagedChangeStore changes, AuditLog audit, TimeProvider time)
{
    private const int MaxChangeIds = 1000;

    /// <summary>Pushes a staging run's approved changes, or the listed changes, to Shopify.</summary>
    /// <param name="request">The request; its body says what to push, with <c>confirm: true</c>. The caller is named on the run and on each version as the actor.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the push run; 400 naming the field; 404 for an unknown batch.</returns>
    [Function(nameof(PushToShopify))]
    [JsonRequestBody(typeof(PushRequest), Required = false)]
    [Authorize(Roles.Approver)]
    public async Task<Results<Accepted<PushStarted>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> PushToShopify(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/shopify/push")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new PushRequest(null, null, null, null), cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The push request is invalid.", errors));
        }

        var user = request.HttpContext.User;
        // The batch is its staged changes: they outlive the import run's history, which is purged after the retention.
        if (body.BatchId is { } batchId && !await changes.HasChangesAsync(batchId, cancellationToken))
        {
            return TypedResults.NotFound(new ApiError("No staged changes in this batch.", new Dictionary<string, object?> { ["batch_id"] = batchId }));
        }

        var runId = string.Create(CultureInfo.InvariantCulture, $"push-{time.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var settings = new PushSettings(body.BatchId, body.ChangeIds?.OfType<string>().ToList(), body.BatchName);
        await push.StartPushAsync(client, runId, settings, user.GetCallerName(), cancellationToken);
        await audit.WriteAsync(user, "sync.push_started", runId, body.BatchId is { } source ? $"batch_id={source}" : $"change_ids={settings.ChangeIds!.Count}", cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", new PushStarted(runId, WireName.Of(RunStatus.Pending), null, $"/api/runs/{runId}"));
    }

    /// <summary>Rolls an applied change back: its before-image is staged as an approved rollback change and pushed.</summary>
    /// <param name="request">The request; its body gives the reason.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="changeId">The applied change.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the rollback; 400 without a reason; 404; 409 unless the change is applied.</returns>
    [Function(nameof(RequestRollback))]
    [JsonRequestBody(typeof(RollbackRequest), Required = false)]
    [Authorize(Roles.Approver)]
    public async Task<Results<Accepted<RollbackStarted>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> RequestRollback(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/rollback/{changeId}")] HttpRequest request, string changeId,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new RollbackRequest(null), cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new Dictionary<string, object?>();
        StagedChangeFilters.CheckNote("reason", body.Reason, required: true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The rollback request is invalid.", errors));
        }

        if (await changes.GetAsync(changeId, cancellationToken) is not { } applied)
        {
            return TypedResults.NotFound(new ApiError("No such staged change.", new Dictionary<string, object?> { ["change_id"] = changeId }));
        }

        // The run id follows from the change, so asking twice starts one rollback.
        var runId = $"rollback-{changeId}";
        var user = request.HttpContext.User;
        var review = new ReviewInfo(user.GetCallerName(), time.GetUtcNow(), body.Reason!.Trim());
        var rollback = RollbackPlan.For(applied, runId, review);
        if (!rollback.Succeeded)
        {
            return TypedResults.Conflict(new ApiError(rollback.Refusal, new Dictionary<string, object?> { ["status"] = WireName.Of(applied.Status) }));
        }

        await push.StartRollbackAsync(client, runId, changeId, review, cancellationToken);
        await audit.WriteAsync(user, "sync.rollback_requested", changeId, review.Notes, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", new RollbackStarted(rollback.Change.ChangeId, runId, $"/api/runs/{runId}"));
    }

    private static Dictionary<string, object?> Validate(PushRequest body)
    {
        var errors = new Dictionary<string, object?>();
        if (body.Confirm is not true)
        {
            errors["confirm"] = "must be true: a push writes to the live store";
        }

        var byIds = body.ChangeIds is not null;
        var byBatch = !string.IsNullOrWhiteSpace(body.BatchId);
        if (byIds == byBatch)
        {
            errors["batch_id"] = $"give either batch_id or change_ids (1 to {MaxChangeIds}), not both";
        }
        else if (byIds && body.ChangeIds!.Count is 0 or > MaxChangeIds)
        {
            errors["change_ids"] = $"must hold 1 to {MaxChangeIds} ids; it holds {body.ChangeIds.Count}";
        }
        else if (byIds && body.ChangeIds!.ToList().FindIndex(id => !StagedChangeId.IsWellFormed(id)) is var bad and >= 0)
        {
            errors[$"change_ids[{bad}]"] = "must be a change id (32 lower-case hex characters)";
        }

        if (body.BatchName is { Length: > 200 })
        {
            errors["batch_name"] = "must be at most 200 characters";
        }

        return errors;
    }
}

using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using CowansSync.Functions.Auth;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>POST /api/sync/shopify/push</c> and <c>POST /api/sync/rollback/{change_id}</c> (approver): both start a push run
/// and answer 202 with where to follow it. Both are audited.
/// </summary>
public static class PushApi
{
    private const int MaxChangeIds = 1000;

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/sync</c> group.</returns>
    public static RouteGroupBuilder MapPushApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sync").WithTags("Push");
        group.MapPost("/shopify/push", PushAsync).RequireAuthorization(Roles.Approver).WithName("PushToShopify");
        group.MapPost("/rollback/{changeId}", RollbackAsync).RequireAuthorization(Roles.Approver).WithName("RollbackChange");
        return group;
    }

    /// <summary>Pushes a staging run's approved changes, or the listed changes, to Shopify.</summary>
    /// <param name="request">What to push, with <c>confirm: true</c>.</param>
    /// <param name="user">The caller, named on the run and on each version as the actor.</param>
    /// <param name="services">Workflow, stores, audit, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the push run; 400 naming the field; 404 for an unknown batch.</returns>
    public static async Task<Results<Accepted<PushStarted>, BadRequest<ApiError>, NotFound<ApiError>>> PushAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] PushRequest? request, ClaimsPrincipal user, [AsParameters] PushServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The push request is invalid.", errors));
        }

        if (request!.BatchId is { } batchId && await services.Runs.GetAsync(batchId, cancellationToken) is null)
        {
            return TypedResults.NotFound(new ApiError("No such batch.", new Dictionary<string, object?> { ["batch_id"] = batchId }));
        }

        var runId = string.Create(CultureInfo.InvariantCulture, $"push-{services.Time.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        var settings = new PushSettings(request.BatchId, request.ChangeIds?.OfType<string>().ToList(), request.BatchName);
        await services.Push.StartPushAsync(services.Client, runId, settings, user.GetCallerName(), cancellationToken);
        await services.Audit.WriteAsync(user, "sync.push_started", runId, request.BatchId is { } source ? $"batch_id={source}" : $"change_ids={settings.ChangeIds!.Count}", cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", new PushStarted(runId, WireName.Of(RunStatus.Pending), null, $"/api/runs/{runId}"));
    }

    /// <summary>Rolls an applied change back: its before-image is staged as an approved rollback change and pushed.</summary>
    /// <param name="changeId">The applied change.</param>
    /// <param name="request">The reason.</param>
    /// <param name="user">The caller.</param>
    /// <param name="services">Workflow, stores, audit, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the rollback; 400 without a reason; 404; 409 unless the change is applied.</returns>
    public static async Task<Results<Accepted<RollbackStarted>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> RollbackAsync(
        string changeId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RollbackRequest? request,
        ClaimsPrincipal user, [AsParameters] PushServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        StagedChangeFilters.CheckNote("reason", request?.Reason, required: true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The rollback request is invalid.", errors));
        }

        if (await services.Changes.GetAsync(changeId, cancellationToken) is not { } applied)
        {
            return TypedResults.NotFound(new ApiError("No such staged change.", new Dictionary<string, object?> { ["change_id"] = changeId }));
        }

        // The run id follows from the change, so asking twice starts one rollback.
        var runId = $"rollback-{changeId}";
        var review = new ReviewInfo(user.GetCallerName(), services.Time.GetUtcNow(), request!.Reason!.Trim());
        var rollback = RollbackPlan.For(applied, runId, review);
        if (!rollback.Succeeded)
        {
            return TypedResults.Conflict(new ApiError(rollback.Refusal, new Dictionary<string, object?> { ["status"] = WireName.Of(applied.Status) }));
        }

        await services.Push.StartRollbackAsync(services.Client, runId, changeId, review, cancellationToken);
        await services.Audit.WriteAsync(user, "sync.rollback_requested", changeId, review.Notes, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{runId}", new RollbackStarted(rollback.Change.ChangeId, runId, $"/api/runs/{runId}"));
    }

    private static Dictionary<string, object?> Validate(PushRequest? request)
    {
        var errors = new Dictionary<string, object?>();
        if (request?.Confirm is not true)
        {
            errors["confirm"] = "must be true: a push writes to the live store";
        }

        var byIds = request?.ChangeIds is not null;
        var byBatch = !string.IsNullOrWhiteSpace(request?.BatchId);
        if (byIds == byBatch)
        {
            errors["batch_id"] = $"give either batch_id or change_ids (1 to {MaxChangeIds}), not both";
        }
        else if (byIds && request!.ChangeIds!.Count is 0 or > MaxChangeIds)
        {
            errors["change_ids"] = $"must hold 1 to {MaxChangeIds} ids; it holds {request.ChangeIds.Count}";
        }
        else if (byIds && request!.ChangeIds!.ToList().FindIndex(id => !StagedChangeId.IsWellFormed(id)) is var bad and >= 0)
        {
            errors[$"change_ids[{bad}]"] = "must be a change id (32 lower-case hex characters)";
        }

        if (request?.BatchName is { Length: > 200 })
        {
            errors["batch_name"] = "must be at most 200 characters";
        }

        return errors;
    }
}

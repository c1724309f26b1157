using System.Security.Claims;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/sync/staged</c>: list and read staged changes (viewer), approve and reject them one by one or in bulk, and
/// reopen a rejected one (approver). Every decision is audited; a decision on a change not in the state it needs
/// answers 409. A rejection is remembered, so later imports do not stage the same values again, until it is reopened.
/// </summary>
/// <param name="changes">The staged changes.</param>
/// <param name="rejections">The remembered rejections.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock for review times.</param>
public sealed partial class StagedChangesApi(StagedChangeStore changes, IRejectedProposals rejections, AuditLog audit, TimeProvider time)
{
    /// <summary>Lists staged changes, newest first, filtered by <see cref="StagedChangeListParameters"/> and paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    [Function(nameof(ListStagedChanges))]
    [Paged]
    [QueryParameter("batch_id", typeof(string), "Only the changes a run staged.")]
    [QueryParameter("status", typeof(string), "pending, approved, rejected, applying, applied, failed or rolled_back.")]
    [QueryParameter("change_type", typeof(string), "create, update or delete.")]
    [QueryParameter("has_conflicts", typeof(bool), "With (true) or without (false) conflicts.")]
    [QueryParameter("source", typeof(string), "etilize, shopify, xorosoft or manual, or a sync_direction.")]
    [QueryParameter("sku", typeof(string), "One product.")]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<PagedList<StagedChangeItem>>, BadRequest<ApiError>>> ListStagedChanges(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/staged")] HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var query = StagedChangeFilters.Parse(StagedChangeListParameters.FromQuery(request), errors);
        var (page, perPage) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The staged-change filters are invalid.", errors));
        }

        var found = await changes.QueryAsync(query, page, perPage, cancellationToken);
        return TypedResults.Ok(new PagedList<StagedChangeItem>([.. found.Items.Select(StagedChangeItem.From)], found.Total, page, perPage));
    }

    /// <summary>Reads one staged change.</summary>
    /// <param name="request">The request.</param>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The change, or 404.</returns>
    [Function(nameof(GetStagedChange))]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<StagedChangeItem>, NotFound<ApiError>>> GetStagedChange(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sync/staged/{changeId}")] HttpRequest request, string changeId, CancellationToken cancellationToken)
    {
        return await changes.GetAsync(changeId, cancellationToken) is { } change
            ? TypedResults.Ok(StagedChangeItem.From(change))
            : TypedResults.NotFound(NoSuchChange(changeId));
    }

    /// <summary>Approves a pending change.</summary>
    /// <param name="request">The request; its optional body gives notes.</param>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200; 400 for bad notes; 404; 409 when not pending.</returns>
    [Function(nameof(ApproveStagedChange))]
    [JsonRequestBody(typeof(ApproveChangeRequest), Required = false)]
    [Authorize(Roles.Approver)]
    public async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> ApproveStagedChange(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/staged/{changeId}/approve")] HttpRequest request, string changeId, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new ApproveChangeRequest(null), cancellationToken);
        return body is null ? invalid! : await DecideOneAsync(changeId, Decision.Approve, body.Notes, request.HttpContext.User, cancellationToken);
    }

    /// <summary>Rejects a pending change.</summary>
    /// <param name="request">The request; its body gives the reason.</param>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200; 400 without a reason; 404; 409 when not pending.</returns>
    [Function(nameof(RejectStagedChange))]
    [JsonRequestBody(typeof(RejectChangeRequest), Required = false)]
    [Authorize(Roles.Approver)]
    public async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> RejectStagedChange(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/staged/{changeId}/reject")] HttpRequest request, string changeId, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new RejectChangeRequest(null), cancellationToken);
        return body is null ? invalid! : await DecideOneAsync(changeId, Decision.Reject, body.Reason, request.HttpContext.User, cancellationToken);
    }

    /// <summary>Reopens a rejected change (later imports may stage its values again) or an approved one not yet pushed: it waits for review again.</summary>
    /// <param name="request">The request; its optional body gives notes.</param>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200; 400 for bad notes; 404; 409 unless rejected or approved.</returns>
    [Function(nameof(ReopenStagedChange))]
    [JsonRequestBody(typeof(ReopenChangeRequest), Required = false)]
    [Authorize(Roles.Approver)]
    public async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> ReopenStagedChange(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/staged/{changeId}/reopen")] HttpRequest request, string changeId, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new ReopenChangeRequest(null), cancellationToken);
        return body is null ? invalid! : await DecideOneAsync(changeId, Decision.Reopen, body.Notes, request.HttpContext.User, cancellationToken);
    }

    private async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> DecideOneAsync(
        string changeId, Decision decision, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        StagedChangeFilters.CheckNote(decision.NoteField, note, decision.NoteRequired, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError($"The {decision.Verb} request is invalid.", errors));
        }

        var (transition, seen) = await DecideAsync(changeId, decision, note, user, cancellationToken);
        if (transition is null)
        {
            return TypedResults.NotFound(NoSuchChange(changeId));
        }

        return transition.Succeeded
            ? TypedResults.Ok(new DecisionResult(true, $"Change {changeId} {decision.Past}."))
            : TypedResults.Conflict(new ApiError(transition.Refusal, new Dictionary<string, object?> { ["status"] = WireName.Of(seen) }));
    }

    // The status the decision was judged against, so a 409 can say what the change had become.
    private async Task<(StagedChangeTransition? Transition, ChangeStatus Seen)> DecideAsync(
        string changeId, Decision decision, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var review = new ReviewInfo(user.GetCallerName(), time.GetUtcNow(), string.IsNullOrWhiteSpace(note) ? null : note);
        StagedChange? judged = null;
        var transition = await changes.TryTransitionAsync(changeId, change =>
        {
            judged = change;
            return decision.Move(change, review);
        }, cancellationToken);
        if (transition?.Change is { } decided)
        {
            await KeepRejectionAsync(decision, decided, cancellationToken);
            await audit.WriteAsync(user, decision.AuditAction, changeId, review.Notes, cancellationToken);
        }
        else if (judged is not null)
        {
            await KeepRejectionAsync(decision, judged, cancellationToken);
        }

        return (transition, judged?.Status ?? ChangeStatus.Pending);
    }

    // The remembered rejection follows the change's state. A repeated decision that already took effect writes it
    // again, so a write lost after the move heals when the caller retries.
    private Task KeepRejectionAsync(Decision decision, StagedChange change, CancellationToken cancellationToken) => change.Status switch
    {
        ChangeStatus.Rejected when decision == Decision.Reject => rejections.RememberAsync(change, cancellationToken),
        ChangeStatus.Pending when decision == Decision.Reopen => rejections.ForgetAsync(change, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static ApiError NoSuchChange(string changeId) => new("No such staged change.", new Dictionary<string, object?> { ["change_id"] = changeId });
}

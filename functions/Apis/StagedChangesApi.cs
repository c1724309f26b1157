using System.Security.Claims;
using CowansSync.Functions.Auth;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>/api/sync/staged</c>: list and read staged changes (viewer), approve and reject them one by one or in bulk (approver).
/// Every decision is audited; a decision on a change that is no longer pending answers 409.
/// </summary>
public static partial class StagedChangesApi
{
    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/sync/staged</c> group.</returns>
    public static RouteGroupBuilder MapStagedChangesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sync/staged").WithTags("Staging");
        group.MapGet("/", ListChangesAsync).WithName("ListStagedChanges");
        group.MapGet("/{changeId}", GetChangeAsync).WithName("GetStagedChange");
        group.MapPost("/{changeId}/approve", ApproveChangeAsync).RequireAuthorization(Roles.Approver).WithName("ApproveStagedChange");
        group.MapPost("/{changeId}/reject", RejectChangeAsync).RequireAuthorization(Roles.Approver).WithName("RejectStagedChange");
        group.MapPost("/bulk-approve", BulkApproveAsync).RequireAuthorization(Roles.Approver).WithName("BulkApproveStagedChanges");
        group.MapPost("/bulk-reject", BulkRejectAsync).RequireAuthorization(Roles.Approver).WithName("BulkRejectStagedChanges");
        return group;
    }

    /// <summary>Lists staged changes, newest first.</summary>
    /// <param name="parameters">Filters and paging.</param>
    /// <param name="services">Store, audit, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    public static async Task<Results<Ok<PagedList<StagedChangeItem>>, BadRequest<ApiError>>> ListChangesAsync(
        [AsParameters] StagedChangeListParameters parameters, [AsParameters] StagedChangesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var query = StagedChangeFilters.Parse(parameters, errors);
        var (page, perPage) = Paging.Validate(parameters.Page, parameters.PerPage, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The staged-change filters are invalid.", errors));
        }

        var found = await services.Changes.QueryAsync(query, page, perPage, cancellationToken);
        return TypedResults.Ok(new PagedList<StagedChangeItem>([.. found.Items.Select(StagedChangeItem.From)], found.Total, page, perPage));
    }

    /// <summary>Reads one staged change.</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="services">Store, audit, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The change, or 404.</returns>
    public static async Task<Results<Ok<StagedChangeItem>, NotFound<ApiError>>> GetChangeAsync(
        string changeId, [AsParameters] StagedChangesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return await services.Changes.GetAsync(changeId, cancellationToken) is { } change
            ? TypedResults.Ok(StagedChangeItem.From(change))
            : TypedResults.NotFound(NoSuchChange(changeId));
    }

    /// <summary>Approves a pending change.</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="request">Optional notes.</param>
    /// <param name="user">The reviewer.</param>
    /// <param name="services">Store, audit, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200; 400 for bad notes; 404; 409 when not pending.</returns>
    public static async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> ApproveChangeAsync(
        string changeId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ApproveChangeRequest? request, ClaimsPrincipal user,
        [AsParameters] StagedChangesServices services, CancellationToken cancellationToken)
        => await DecideOneAsync(changeId, Decision.Approve, request?.Notes, user, services, cancellationToken);

    /// <summary>Rejects a pending change.</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="request">The reason.</param>
    /// <param name="user">The reviewer.</param>
    /// <param name="services">Store, audit, clock.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200; 400 without a reason; 404; 409 when not pending.</returns>
    public static async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> RejectChangeAsync(
        string changeId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RejectChangeRequest? request, ClaimsPrincipal user,
        [AsParameters] StagedChangesServices services, CancellationToken cancellationToken)
        => await DecideOneAsync(changeId, Decision.Reject, request?.Reason, user, services, cancellationToken);

    private static async Task<Results<Ok<DecisionResult>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> DecideOneAsync(
        string changeId, Decision decision, string? note, ClaimsPrincipal user, StagedChangesServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        StagedChangeFilters.CheckNote(decision.NoteField, note, decision.NoteRequired, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError($"The {decision.Verb} request is invalid.", errors));
        }

        var (transition, seen) = await DecideAsync(changeId, decision, note, user, services, cancellationToken);
        if (transition is null)
        {
            return TypedResults.NotFound(NoSuchChange(changeId));
        }

        return transition.Succeeded
            ? TypedResults.Ok(new DecisionResult(true, $"Change {changeId} {decision.Past}."))
            : TypedResults.Conflict(new ApiError(transition.Refusal, new Dictionary<string, object?> { ["status"] = WireName.Of(seen) }));
    }

    // The status the decision was judged against, so a 409 can say what the change had become.
    private static async Task<(StagedChangeTransition? Transition, ChangeStatus Seen)> DecideAsync(
        string changeId, Decision decision, string? note, ClaimsPrincipal user, StagedChangesServices services, CancellationToken cancellationToken)
    {
        var review = new ReviewInfo(user.GetCallerName(), services.Time.GetUtcNow(), string.IsNullOrWhiteSpace(note) ? null : note);
        var seen = ChangeStatus.Pending;
        var transition = await services.Changes.TryTransitionAsync(changeId, change =>
        {
            seen = change.Status;
            return decision.Move(change, review);
        }, cancellationToken);
        if (transition is { Succeeded: true })
        {
            await services.Audit.WriteAsync(user, decision.AuditAction, changeId, review.Notes, cancellationToken);
        }

        return (transition, seen);
    }

    private static ApiError NoSuchChange(string changeId) => new("No such staged change.", new Dictionary<string, object?> { ["change_id"] = changeId });
}

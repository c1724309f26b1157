using System.Collections.Concurrent;
using System.Security.Claims;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary>
/// Bulk decisions: each change is decided on its own, so one that is no longer pending is skipped, not fatal. A decision
/// over a whole batch (<c>batch_id</c>, filtered or not) needs <c>confirm: true</c>: without it the answer is a 400 with
/// the count it would decide, and nothing changes.
/// </summary>
public sealed partial class StagedChangesApi
{
    /// <summary>The most changes one bulk request may name.</summary>
    public const int MaxBulkChangeIds = 1000;

    private const int BulkParallelism = 8;

    /// <summary>Approves many changes.</summary>
    /// <param name="request">The request; its body says which changes, with notes.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>How many were approved and which were skipped, or 400 naming each bad field.</returns>
    [Function(nameof(BulkApproveStagedChanges))]
    [JsonRequestBody(typeof(BulkDecisionRequest))]
    [Authorize(Roles.Approver)]
    public async Task<Results<Ok<BulkDecisionResult>, BadRequest<ApiError>, BadRequest<BulkDecisionUnconfirmed>, JsonHttpResult<ApiError>>> BulkApproveStagedChanges(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/staged/bulk-approve")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync<BulkDecisionRequest>(request, cancellationToken);
        return body is null ? invalid! : await DecideManyAsync(body, Decision.Approve, body.Notes, request.HttpContext.User, cancellationToken);
    }

    /// <summary>Rejects many changes.</summary>
    /// <param name="request">The request; its body says which changes, with the reason.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>How many were rejected and which were skipped, or 400 naming each bad field.</returns>
    [Function(nameof(BulkRejectStagedChanges))]
    [JsonRequestBody(typeof(BulkDecisionRequest))]
    [Authorize(Roles.Approver)]
    public async Task<Results<Ok<BulkDecisionResult>, BadRequest<ApiError>, BadRequest<BulkDecisionUnconfirmed>, JsonHttpResult<ApiError>>> BulkRejectStagedChanges(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/staged/bulk-reject")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync<BulkDecisionRequest>(request, cancellationToken);
        return body is null ? invalid! : await DecideManyAsync(body, Decision.Reject, body.Reason, request.HttpContext.User, cancellationToken);
    }

    /// <summary>Reopens many changes: a batch's rejected ones (<c>batch_id</c>, with <c>confirm</c>), or any rejected or approved-not-pushed ones by <c>change_ids</c>.</summary>
    /// <param name="request">The request; its body says which changes, with notes.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>How many were reopened and which were skipped, or 400 naming each bad field.</returns>
    [Function(nameof(BulkReopenStagedChanges))]
    [JsonRequestBody(typeof(BulkDecisionRequest))]
    [Authorize(Roles.Approver)]
    public async Task<Results<Ok<BulkDecisionResult>, BadRequest<ApiError>, BadRequest<BulkDecisionUnconfirmed>, JsonHttpResult<ApiError>>> BulkReopenStagedChanges(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/staged/bulk-reopen")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync<BulkDecisionRequest>(request, cancellationToken);
        return body is null ? invalid! : await DecideManyAsync(body, Decision.Reopen, body.Notes, request.HttpContext.User, cancellationToken);
    }

    private async Task<Results<Ok<BulkDecisionResult>, BadRequest<ApiError>, BadRequest<BulkDecisionUnconfirmed>, JsonHttpResult<ApiError>>> DecideManyAsync(
        BulkDecisionRequest request, Decision decision, string? note, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        // A batch's decisions take its pending changes; its reopening, its rejected ones.
        var query = Validate(request, decision == Decision.Reopen ? ChangeStatus.Rejected : ChangeStatus.Pending, errors);
        StagedChangeFilters.CheckNote(decision.NoteField, note, decision.NoteRequired, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError($"The bulk {decision.Verb} request is invalid.", errors));
        }

        var changeIds = query is null
            ? [.. request.ChangeIds!.OfType<string>().Distinct(StringComparer.Ordinal)]
            : await changes.ListIdsAsync(query, cancellationToken);
        if (query is not null && request.Confirm != true)
        {
            return TypedResults.BadRequest(new BulkDecisionUnconfirmed(
                $"A bulk {decision.Verb} of a whole batch needs confirm: true; nothing was decided.",
                new Dictionary<string, object?> { ["confirm"] = $"must be true to {decision.Verb} the {changeIds.Count} {WireName.Of(query.Status!.Value)} change(s) selected" },
                changeIds.Count));
        }
        var skipped = new ConcurrentBag<SkippedChange>();
        var updated = 0;
        await Parallel.ForEachAsync(changeIds, new ParallelOptions { MaxDegreeOfParallelism = BulkParallelism, CancellationToken = cancellationToken }, async (changeId, token) =>
        {
            var (transition, _) = await DecideAsync(changeId, decision, note, user, token);
            if (transition is null)
            {
                skipped.Add(new SkippedChange(changeId, "No such staged change."));
            }
            else if (!transition.Succeeded)
            {
                skipped.Add(new SkippedChange(changeId, transition.Refusal));
            }
            else
            {
                Interlocked.Increment(ref updated);
            }
        });
        return TypedResults.Ok(new BulkDecisionResult(true, updated, [.. skipped.OrderBy(s => s.ChangeId, StringComparer.Ordinal)]));
    }

    // Null for a change_ids request; otherwise the batch's changes in the status the decision takes that the filter selects.
    private static StagedChangeQuery? Validate(BulkDecisionRequest request, ChangeStatus selected, Dictionary<string, object?> errors)
    {
        var byIds = request.ChangeIds is not null;
        var byBatch = !string.IsNullOrEmpty(request.BatchId);
        if (byIds == byBatch)
        {
            errors["change_ids"] = $"give either change_ids (1 to {MaxBulkChangeIds}) or batch_id, not both";
            return null;
        }

        if (byIds)
        {
            if (request.ChangeIds!.Count is 0 or > MaxBulkChangeIds)
            {
                errors["change_ids"] = $"must hold 1 to {MaxBulkChangeIds} ids; it holds {request.ChangeIds.Count}";
            }
            else
            {
                for (var index = 0; index < request.ChangeIds.Count; index++)
                {
                    if (string.IsNullOrWhiteSpace(request.ChangeIds[index]))
                    {
                        errors[$"change_ids[{index}]"] = "must be a change id";
                        break;
                    }
                }
            }

            if (request.Filter is not null)
            {
                errors["filter"] = "applies only with batch_id";
            }

            return null;
        }

        return new StagedChangeQuery(
            RunId: request.BatchId,
            Status: selected,
            ChangeType: StagedChangeFilters.ParseEnum<ChangeType>("filter.change_type", request.Filter?.ChangeType, errors),
            HasConflicts: request.Filter?.HasConflicts,
            Sku: StagedChangeFilters.ParseSku("filter.sku", request.Filter?.Sku, errors));
    }
}

using System.Security.Claims;
using System.Text.Json;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>GET /api/shopify/sync/conflicts</c> (viewer) lists the open conflicts — fields of pending, approved or failed
/// changes that Shopify contradicts, found by a pull or by a push's re-read — and
/// <c>POST /api/shopify/sync/conflicts/{conflict_id}/resolve</c> (approver) settles one, and with
/// <c>apply_to_similar</c> every open conflict on the same field with the same two values. Resolutions are audited.
/// </summary>
/// <param name="changes">The staged changes.</param>
/// <param name="audit">The audit log.</param>
/// <param name="time">The clock.</param>
public sealed class ConflictsApi(StagedChangeStore changes, AuditLog audit, TimeProvider time)
{
    /// <summary>Lists open conflicts, newest change first, filtered by <c>field</c>, <c>sku</c> and <c>auto_resolvable</c>, paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming each bad parameter.</returns>
    [Function(nameof(ListConflicts))]
    [Paged]
    [QueryParameter("field", typeof(string), "Only conflicts on this field.")]
    [QueryParameter("sku", typeof(string), "Only this product.")]
    [QueryParameter("auto_resolvable", typeof(bool), "Only conflicts the rules can (true) or cannot (false) resolve.")]
    [ProducesResponseType(typeof(ConflictList), StatusCodes.Status200OK)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> ListConflicts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "shopify/sync/conflicts")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, object?>();
        var field = ApiQuery.Text(request, "field");
        if (field is not null && ProductFields.All.All(f => f.Name != field))
        {
            errors["field"] = $"'{field}' is not a product field ({string.Join(", ", ProductFields.All.Select(f => f.Name))})";
        }

        var sku = StagedChangeFilters.ParseSku("sku", ApiQuery.Text(request, "sku"), errors);
        var autoResolvable = StagedChangeFilters.ParseBool("auto_resolvable", ApiQuery.Text(request, "auto_resolvable"), errors);
        var (page, perPage) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The conflict filters are invalid.", errors));
        }

        var items = (await OpenConflictsAsync(cancellationToken))
            .Where(open => (field is null || open.Conflict.Field == field)
                && (sku is not { } wanted || open.Change.Sku.Normalized == wanted.Normalized)
                && (autoResolvable is null || open.Conflict.Suggestion.IsResolved == autoResolvable))
            .Select(open => ConflictItem.From(open.Change, open.Conflict))
            .ToList();
        return TypedResults.Ok(new ConflictList([.. items.Skip((page - 1) * perPage).Take(perPage)], items.Count, page, perPage));
    }

    /// <summary>Settles a conflict: the change is rebased on Shopify's value and proposes the chosen one (<see cref="StagedChange.Resolve"/>).</summary>
    /// <param name="request">The request; its body says how.</param>
    /// <param name="conflictId">The conflict.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 with what moved; 400 naming the field; 404; 409 when the change can no longer be settled.</returns>
    [Function(nameof(ResolveConflict))]
    [JsonRequestBody(typeof(ResolveConflictRequest))]
    [ProducesResponseType(typeof(ConflictsResolved), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Approver)]
    public async Task<IResult> ResolveConflict(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shopify/sync/conflicts/{conflictId}/resolve")] HttpRequest request, string conflictId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiBody.ReadAsync<ResolveConflictRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new Dictionary<string, object?>();
        var choice = StagedChangeFilters.ParseEnum<ResolutionChoice>("resolution", body.Resolution, errors);
        if (body.Resolution is null)
        {
            errors["resolution"] = $"is required: one of {WireName.ListOf<ResolutionChoice>()}";
        }

        StagedChangeFilters.CheckNote("notes", body.Notes, required: false, errors);
        var decision = choice is { } chosen ? new ConflictResolution(chosen, body.CustomValue, body.ApplyToSimilar ?? false) : null;
        foreach (var (name, message) in decision?.Validate() ?? new Dictionary<string, string>())
        {
            errors[name] = message;
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The resolution is invalid.", errors));
        }

        if (ConflictItem.Parse(conflictId) is not var (changeId, field)
            || await changes.GetAsync(changeId, cancellationToken) is not { } change
            || change.Conflicts.FirstOrDefault(c => c.Field == field) is not { } conflict)
        {
            return TypedResults.NotFound(new ApiError("No open conflict has this id.", new Dictionary<string, object?> { ["conflict_id"] = conflictId }));
        }

        if (body.CustomValue is { } custom && choice == ResolutionChoice.Custom && TypeError(field, change, custom) is { } typeError)
        {
            return TypedResults.BadRequest(new ApiError("The resolution is invalid.", new Dictionary<string, object?> { ["custom_value"] = typeError }));
        }

        var targets = decision!.ApplyToSimilar
            ? [(change, conflict), .. (await OpenConflictsAsync(cancellationToken)).Where(open => open.Change.ChangeId != changeId && conflict.IsSimilarTo(open.Conflict))]
            : new List<(StagedChange Change, FieldConflict Conflict)> { (change, conflict) };
        var user = request.HttpContext.User;
        var review = new ReviewInfo(user.GetCallerName(), time.GetUtcNow(), string.IsNullOrWhiteSpace(body.Notes) ? null : body.Notes);
        var moved = new List<ResolvedChange>();
        foreach (var (target, targetConflict) in targets)
        {
            var settled = await changes.TryTransitionAsync(target.ChangeId, current => current.Resolve(field, decision.ValueFor(targetConflict), review, byPerson: true), cancellationToken);
            if (settled?.Change is { } after)
            {
                moved.Add(new ResolvedChange(after.ChangeId, WireName.Of(after.Status), after.Conflicts.Count));
                await AuditAsync(user, after, field, decision, review, cancellationToken);
            }
            else if (target.ChangeId == changeId)
            {
                return TypedResults.Conflict(new ApiError(settled?.Refusal ?? "The change is gone.", new Dictionary<string, object?> { ["conflict_id"] = conflictId }));
            }
        }

        return TypedResults.Ok(new ConflictsResolved(moved.Count, moved));
    }

    // The conflicts still open: on changes not yet applied, rejected or rolled back.
    private async Task<IReadOnlyList<(StagedChange Change, FieldConflict Conflict)>> OpenConflictsAsync(CancellationToken cancellationToken)
    {
        var ids = await changes.ListIdsAsync(new StagedChangeQuery(HasConflicts: true), cancellationToken);
        var read = await changes.GetManyAsync(ids, cancellationToken);
        return [.. ids.Select(id => read.GetValueOrDefault(id)).OfType<StagedChange>()
            .Where(change => change.Status is ChangeStatus.Pending or ChangeStatus.Approved or ChangeStatus.Failed)
            .SelectMany(change => change.Conflicts.Select(conflict => (change, conflict)))];
    }

    private static string? TypeError(string field, StagedChange change, JsonElement value)
    {
        try
        {
            ProductFields.All.First(f => f.Name == field).WithValue(change.ProposedData ?? change.CurrentData!, value);
            return null;
        }
        catch (JsonException)
        {
            return $"is not a value {field} can hold (e.g. {ProductFields.All.First(f => f.Name == field).ValueOf(change.ProposedData).GetRawText()})";
        }
    }

    private Task AuditAsync(ClaimsPrincipal user, StagedChange change, string field, ConflictResolution decision, ReviewInfo review, CancellationToken cancellationToken)
        => audit.WriteAsync(user, "conflict.resolved", change.ChangeId, $"{field}: {WireName.Of(decision.Resolution)}{(review.Notes is { } notes ? $" ({notes})" : string.Empty)}", cancellationToken);
}

using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Apis;

/// <summary>One open conflict as <c>GET /api/shopify/sync/conflicts</c> lists it: a field of a staged change that Shopify contradicts.</summary>
/// <param name="ConflictId">The conflict: <c>{change_id}-{field}</c>.</param>
/// <param name="ChangeId">The staged change it belongs to.</param>
/// <param name="ChangeStatus">That change's status.</param>
/// <param name="ProductSku">The product.</param>
/// <param name="Field">The field.</param>
/// <param name="BaseValue">The value the change was staged on.</param>
/// <param name="LocalValue">The value the change proposes.</param>
/// <param name="ShopifyValue">Shopify's value.</param>
/// <param name="LastLocalUpdate">When the proposed value was last set, if known.</param>
/// <param name="LastShopifyUpdate">When Shopify's value was set, if known.</param>
/// <param name="AutoResolvable">Whether the conflict rules can settle it.</param>
/// <param name="SuggestedResolution">Their choice (<c>use_local</c>, <c>use_shopify</c>), or <see langword="null"/> when a person must decide.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record ConflictItem(
    string ConflictId,
    string ChangeId,
    string ChangeStatus,
    string ProductSku,
    string Field,
    JsonElement BaseValue,
    JsonElement LocalValue,
    JsonElement ShopifyValue,
    DateTimeOffset? LastLocalUpdate,
    DateTimeOffset? LastShopifyUpdate,
    bool AutoResolvable,
    string? SuggestedResolution,
    string Reason)
{
    /// <summary>The id of a change's conflict on a field.</summary>
    /// <param name="changeId">The change.</param>
    /// <param name="field">The field's API name.</param>
    /// <returns>The conflict id.</returns>
    public static string IdOf(string changeId, string field) => $"{changeId}-{field}";

    /// <summary>The change and field a conflict id names.</summary>
    /// <param name="conflictId">The id.</param>
    /// <returns>The change id and field, or <see langword="null"/> when the id is not one.</returns>
    public static (string ChangeId, string Field)? Parse(string conflictId)
    {
        var dash = conflictId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && StagedChangeId.IsWellFormed(conflictId[..dash]) && dash < conflictId.Length - 1
            ? (conflictId[..dash], conflictId[(dash + 1)..])
            : null;
    }

    /// <summary>The item of one conflict of a change.</summary>
    /// <param name="change">The change.</param>
    /// <param name="conflict">One of its conflicts.</param>
    /// <returns>The item.</returns>
    public static ConflictItem From(StagedChange change, FieldConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(conflict);
        return new ConflictItem(
            IdOf(change.ChangeId, conflict.Field),
            change.ChangeId,
            WireName.Of(change.Status),
            change.Sku.Original,
            conflict.Field,
            conflict.BaseValue,
            conflict.LocalValue,
            conflict.ShopifyValue,
            conflict.LocalChange?.ChangedAt,
            conflict.ShopifyChange?.ChangedAt,
            conflict.Suggestion.IsResolved,
            conflict.Suggestion.Choice is { } choice ? WireName.Of(choice) : null,
            conflict.Suggestion.Reason);
    }
}

using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Apis;

/// <summary>A staged change as <c>GET /api/sync/staged</c> shows it (seed 002's item shape).</summary>
/// <param name="Id">The change id (the seeds' clients read <c>id</c>).</param>
/// <param name="ChangeId">The change id.</param>
/// <param name="ProductId">The product's key: its normalized SKU.</param>
/// <param name="Sku">The SKU as spelt by the source.</param>
/// <param name="ShopifyProductId">The Shopify product, when known.</param>
/// <param name="ChangeType">create, update or delete.</param>
/// <param name="SyncDirection">The proposing flow, e.g. <c>etilize_import</c>.</param>
/// <param name="Status">The lifecycle state, e.g. <c>pending</c>.</param>
/// <param name="HasConflicts">Whether any field is in conflict.</param>
/// <param name="ConflictFields">The fields in conflict.</param>
/// <param name="FieldChanges">Per changed field: old, new and, for numbers, the percentage.</param>
/// <param name="CurrentData">The before-image, or <see langword="null"/> for a create.</param>
/// <param name="ProposedData">The after-image, or <see langword="null"/> for a delete.</param>
/// <param name="AutoApproved">Whether a rule approved it.</param>
/// <param name="ApprovalReason">The rules' reason, once evaluated.</param>
/// <param name="Priority">1 (critical) to 5 (batch).</param>
/// <param name="CreatedAt">When it was staged.</param>
/// <param name="ReviewedBy">Who decided, if someone did.</param>
/// <param name="ReviewedAt">When.</param>
/// <param name="ReviewNotes">The approval notes or rejection reason.</param>
/// <param name="AppliedAt">When it was applied.</param>
/// <param name="Product">The SKU and name, for lists.</param>
public sealed record StagedChangeItem(
    string Id,
    string ChangeId,
    string ProductId,
    string Sku,
    string? ShopifyProductId,
    string ChangeType,
    string SyncDirection,
    string Status,
    bool HasConflicts,
    IReadOnlyList<string> ConflictFields,
    IReadOnlyDictionary<string, FieldChangeItem> FieldChanges,
    JsonElement? CurrentData,
    JsonElement? ProposedData,
    bool AutoApproved,
    string? ApprovalReason,
    int Priority,
    DateTimeOffset CreatedAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewNotes,
    DateTimeOffset? AppliedAt,
    ProductSummary Product)
{
    /// <summary>The item of a stored change.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The item.</returns>
    public static StagedChangeItem From(StagedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var product = change.ProposedData ?? change.CurrentData;
        return new StagedChangeItem(
            change.ChangeId,
            change.ChangeId,
            change.Sku.Normalized,
            change.Sku.Original,
            change.ProposedData?.ShopifyProductId ?? change.CurrentData?.ShopifyProductId,
            WireName.Of(change.ChangeType),
            WireName.Of(change.Direction),
            WireName.Of(change.Status),
            change.HasConflicts,
            [.. change.Conflicts.Select(conflict => conflict.Field).Distinct(StringComparer.Ordinal)],
            change.FieldChanges.ToDictionary(field => field.Field, field => new FieldChangeItem(field.Old, field.New, field.ChangePercent), StringComparer.Ordinal),
            change.CurrentData is null ? null : JsonSerializer.SerializeToElement(change.CurrentData, DomainJson.Options),
            change.ProposedData is null ? null : JsonSerializer.SerializeToElement(change.ProposedData, DomainJson.Options),
            change.Verdict?.AutoApproved ?? false,
            change.Verdict?.Reason,
            (int)change.Priority,
            change.CreatedAt,
            change.Review?.Reviewer,
            change.Review?.ReviewedAt,
            change.Review?.Notes,
            change.AppliedAt,
            new ProductSummary(change.Sku.Original, product?.Title));
    }
}

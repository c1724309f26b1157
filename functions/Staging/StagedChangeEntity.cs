using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>
/// A staged change as a row of <c>stagedchanges</c>: filterable columns, plus the whole record as
/// <see cref="CompressedJsonParts"/>.
/// </summary>
/// <remarks>
/// A change carries descriptions up to four times — before, after, and the field change's old and new — which is
/// why the record is compressed.
/// </remarks>
internal static class StagedChangeEntity
{
    public static TableEntity ToEntity(StagedChange change)
    {
        var entity = new TableEntity(change.RunId, change.ChangeId)
        {
            ["Status"] = WireName.Of(change.Status),
            ["ChangeType"] = WireName.Of(change.ChangeType),
            ["Direction"] = WireName.Of(change.Direction),
            ["Sku"] = change.Sku.Normalized,
            ["HasConflicts"] = change.HasConflicts,
            ["AutoApproved"] = change.Verdict?.AutoApproved ?? false,
            ["Priority"] = (int)change.Priority,
            ["CreatedAt"] = change.CreatedAt,
        };
        CompressedJsonParts.Write(entity, CompressedJsonParts.Compress(change), $"Staged change {change.ChangeId} ({change.Sku})");
        return entity;
    }

    public static StagedChange FromEntity(TableEntity entity) => CompressedJsonParts.Read<StagedChange>(entity, "Staged change");
}

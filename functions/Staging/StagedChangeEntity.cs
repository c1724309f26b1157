using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>
/// A staged change as a row of <c>stagedchanges</c>: PartitionKey = one of <see cref="Buckets"/> buckets of its run
/// (<see cref="TableBuckets"/>, by change id), RowKey = change id; filterable columns (the run id among them), plus
/// the whole record as <see cref="CompressedJsonParts"/>.
/// </summary>
/// <remarks>
/// A run is spread over buckets so no partition grows to a large run's size: each takes its share of the writes, and a
/// staging batch or a push's batch still lands in a handful of transactions.
/// A change carries descriptions up to four times — before, after, and the field change's old and new — which is
/// why the record is compressed.
/// </remarks>
internal static class StagedChangeEntity
{
    /// <summary>How many partitions a run is spread over; never change it for an existing table.</summary>
    public const int Buckets = 16;

    /// <summary>The partition of a change.</summary>
    public static string PartitionOf(string runId, string changeId) => TableBuckets.Partition(runId, changeId, Buckets);

    /// <summary>A filter selecting one run's rows: its buckets, and the run id for certain.</summary>
    public static string RunFilter(string runId)
    {
        var (from, to) = TableBuckets.Range(runId);
        return TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to} and RunId eq {runId}");
    }

    public static TableEntity ToEntity(StagedChange change)
    {
        var entity = new TableEntity(PartitionOf(change.RunId, change.ChangeId), change.ChangeId)
        {
            ["RunId"] = change.RunId,
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

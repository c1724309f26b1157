using System.Collections.Concurrent;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Staging;

/// <summary>
/// Rejected proposals in table <c>rejectedproposals</c>: PartitionKey = the fingerprint's first 2 hex characters,
/// RowKey = the fingerprint, with the rejected change's id, SKU, reviewer and time.
/// </summary>
/// <remarks>Idempotent: remembering is an upsert of what the change determines, forgetting a delete that ignores an absent row.</remarks>
public sealed class RejectedProposalStore(StorageClients storage) : IRejectedProposals
{
    /// <summary>The table.</summary>
    public const string TableName = "rejectedproposals";

    private const int ParallelReads = 8;

    /// <inheritdoc />
    public async Task RememberAsync(StagedChange rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var fingerprint = ProposalFingerprint.Of(rejected);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(fingerprint[..2], fingerprint)
            {
                ["ChangeId"] = rejected.ChangeId,
                ["Sku"] = rejected.Sku.Original,
                ["RejectedBy"] = rejected.Review?.Reviewer,
                ["RejectedAt"] = rejected.Review?.ReviewedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Only the rejection this change left is forgotten: another change's rejection of the same values stays.</remarks>
    public async Task ForgetAsync(StagedChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var fingerprint = ProposalFingerprint.Of(change);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(fingerprint[..2], fingerprint, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue && row.Value!.GetString("ChangeId") == change.ChangeId)
        {
            // Conditional, so a rejection written again meanwhile (by another change) stays; absent already is done.
            await table.DeleteEntityAsync(row.Value.PartitionKey, row.Value.RowKey, row.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rejected = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(fingerprints.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (fingerprint, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(fingerprint[..2], fingerprint, select: ["ChangeId"], cancellationToken: token).ConfigureAwait(false);
            if (row.HasValue && row.Value!.GetString("ChangeId") is { } changeId)
            {
                rejected[fingerprint] = changeId;
            }
        }).ConfigureAwait(false);
        return rejected;
    }
}

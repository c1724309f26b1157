using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Staging;

/// <summary>
/// Rejected proposals in table <c>rejectedproposals</c>: PartitionKey = the fingerprint's first 2 hex characters,
/// RowKey = the fingerprint, with the rejected change's id, SKU, reviewer and time; and row <c>version/current</c>, given
/// a new value by every remember and forget. A batch's lookup reads that row alone and answers from this process's
/// copy of every rejection, which it reads again (one query) only when the version moved: rejections are few and
/// change by hand, while every import batch asks.
/// </summary>
/// <remarks>
/// Idempotent: remembering is an upsert of what the change determines, forgetting a delete that ignores an absent row.
/// The version moves after the row is written or deleted, so a lookup that sees a version sees every write before it.
/// </remarks>
public sealed class RejectedProposalStore(StorageClients storage) : IRejectedProposals, IDisposable
{
    /// <summary>The table.</summary>
    public const string TableName = "rejectedproposals";

    private const string VersionPartition = "version";
    private const string VersionRow = "current";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (string? Version, IReadOnlyDictionary<string, string> ChangeIds)? _copy;

    /// <inheritdoc />
    public void Dispose() => _reading.Dispose();

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
        await MoveVersionAsync(table, cancellationToken).ConfigureAwait(false);
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
            await MoveVersionAsync(table, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        var all = await AllAsync(cancellationToken).ConfigureAwait(false);
        return fingerprints.Distinct(StringComparer.Ordinal)
            .Where(all.ContainsKey)
            .ToDictionary(fingerprint => fingerprint, fingerprint => all[fingerprint], StringComparer.Ordinal);
    }

    private static async Task MoveVersionAsync(TableClient table, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(VersionPartition, VersionRow) { ["Version"] = Guid.NewGuid().ToString("N") }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var version = await VersionAsync(table, cancellationToken).ConfigureAwait(false);
        if (_copy is { } copy && copy.Version == version)
        {
            return copy.ChangeIds;
        }

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_copy is not { } read || read.Version != version)
            {
                var changeIds = new Dictionary<string, string>(StringComparer.Ordinal);
                var filter = TableClient.CreateQueryFilter($"PartitionKey ne {VersionPartition}");
                await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "ChangeId"], cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (row.GetString("ChangeId") is { } changeId)
                    {
                        changeIds[row.RowKey] = changeId;
                    }
                }

                _copy = (version, changeIds);
            }

            return _copy.Value.ChangeIds;
        }
        finally
        {
            _reading.Release();
        }
    }

    private static async Task<string?> VersionAsync(TableClient table, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(VersionPartition, VersionRow, select: ["Version"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetString("Version") : null;
    }
}

using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// Table <c>etilizefiles</c>: one row per file version seen on the FTP server (partition <c>file</c>, keyed by the
/// fingerprint), recording when it was first seen, where its copy is, and which run imports it.
/// </summary>
/// <remarks>
/// A row is created with insert-if-absent, and claimed for import with an ETag-conditional update that only
/// succeeds while nobody has claimed it, so two pollers can never both import one file.
/// </remarks>
public sealed class EtilizeDropStore(StorageClients storage, TimeProvider time, string tableName = EtilizeDropStore.DefaultTableName)
{
    /// <summary>The table.</summary>
    public const string DefaultTableName = "etilizefiles";

    private const string Partition = "file";

    /// <summary>The row of a file version, if it was seen before.</summary>
    /// <param name="fingerprint">The version's fingerprint.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public async Task<EtilizeFileRecord?> GetAsync(string fingerprint, CancellationToken cancellationToken = default) =>
        (await GetEntityAsync(fingerprint, cancellationToken)) is { } entity ? Read(entity) : null;

    /// <summary>Records a fetched file version unless it is recorded already (its first sighting stays).</summary>
    /// <param name="drop">The fetched file.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored record.</returns>
    public async Task<EtilizeFileRecord> RecordSeenAsync(EtilizeDrop drop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drop);
        var table = await storage.GetTableAsync(tableName, cancellationToken);
        var entity = new TableEntity(Partition, TableKeyText.Escape(drop.Fingerprint))
        {
            ["FileName"] = drop.FileName,
            ["Size"] = drop.Size,
            ["ModifiedAt"] = drop.ModifiedAt,
            ["Fingerprint"] = drop.Fingerprint,
            ["FirstSeenAt"] = time.GetUtcNow(),
            ["BlobName"] = drop.BlobName,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return Read(entity);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return await GetAsync(drop.Fingerprint, cancellationToken) ?? throw new InvalidOperationException($"The row of {drop.Fingerprint} vanished after a conflict.", error);
        }
    }

    /// <summary>Claims a file version for <paramref name="runId"/>; at most one run ever holds the claim.</summary>
    /// <param name="drop">The fetched file.</param>
    /// <param name="runId">The run that imports it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when <paramref name="runId"/> holds the claim (also when it already did); <see langword="false"/> when another run does.</returns>
    public async Task<bool> MarkImportedAsync(EtilizeDrop drop, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drop);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var table = await storage.GetTableAsync(tableName, cancellationToken);
        while (true)
        {
            var entity = await GetEntityAsync(drop.Fingerprint, cancellationToken);
            if (entity is null)
            {
                await RecordSeenAsync(drop, cancellationToken);
                continue;
            }

            if (entity.GetString("RunId") is { } holder)
            {
                return string.Equals(holder, runId, StringComparison.Ordinal);
            }

            var claim = new TableEntity(entity.PartitionKey, entity.RowKey) { ["RunId"] = runId, ["ImportedAt"] = time.GetUtcNow() };
            try
            {
                await table.UpdateEntityAsync(claim, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException error) when (error.Status == 412)
            {
                // Someone changed the row since it was read; read it again to see whether they claimed it.
                continue;
            }
        }
    }

    /// <summary>Every file version seen, newest modified first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The records.</returns>
    public async Task<IReadOnlyList<EtilizeFileRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await storage.GetTableAsync(tableName, cancellationToken);
        var records = new List<EtilizeFileRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            records.Add(Read(entity));
        }

        return [.. records.OrderByDescending(record => record.ModifiedAt).ThenBy(record => record.FileName, StringComparer.Ordinal)];
    }

    private async Task<TableEntity?> GetEntityAsync(string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        var table = await storage.GetTableAsync(tableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeyText.Escape(fingerprint), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value : null;
    }

    private static EtilizeFileRecord Read(TableEntity entity) => new(
        entity.GetString("FileName") ?? string.Empty,
        entity.GetInt64("Size") ?? 0,
        entity.GetDateTimeOffset("ModifiedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("Fingerprint") ?? string.Empty,
        entity.GetDateTimeOffset("FirstSeenAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ImportedAt"),
        entity.GetString("RunId"),
        entity.GetString("BlobName"));
}

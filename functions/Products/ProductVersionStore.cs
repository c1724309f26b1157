using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Products;

/// <summary>
/// Product versions in table <c>productversions</c>: one partition per product (its normalized SKU, escaped for a key),
/// one row per version with the whole <see cref="ProductVersion"/> as compressed JSON, newest first, and a copy of the
/// newest as row <c>latest</c>, so recording the next version is one point read and one transaction.
/// </summary>
/// <remarks>
/// Idempotent and safe under concurrency: a version row, the row pinning its change id and the move of <c>latest</c>
/// (an insert, or a replace conditional on the ETag read) are one entity group transaction, never upserts. If another
/// writer took the number, or recorded the same change, the transaction fails with 409 or 412 and nothing is written;
/// the store re-reads and either returns the change's version or numbers after the new latest. So a repeated change is
/// recorded once and concurrent changes get consecutive numbers without gaps. A partition written before <c>latest</c>
/// existed is read by query once, and gains it with its next version.
/// </remarks>
public sealed partial class ProductVersionStore(StorageClients storage, TimeProvider time, ILogger<ProductVersionStore> logger) : IProductVersionStore
{
    /// <summary>The table.</summary>
    public const string TableName = "productversions";

    private const int MaxAttempts = 100;

    /// <inheritdoc />
    public async Task<ProductVersion> RecordAsync(
        Product snapshot, string changeId, SourceSystem source, ChangeDirection direction, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(changeId);
        ArgumentNullException.ThrowIfNull(actor);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = ProductVersionEntity.PartitionKey(snapshot.Sku);
        for (var attempt = 1; ; attempt++)
        {
            var (latest, latestETag) = await LatestAsync(table, partition, probe: attempt > 1, cancellationToken).ConfigureAwait(false);
            var version = ProductVersion.After(latest, snapshot, source, direction, actor, time.GetUtcNow()) with { ChangeId = changeId };
            if (version.Number > ProductVersionEntity.MaxNumber)
            {
                throw new InvalidOperationException($"{snapshot.Sku} has {ProductVersionEntity.MaxNumber} versions, the most a row key numbers.");
            }

            var row = ProductVersionEntity.ToEntity(version);
            try
            {
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, row),
                        new TableTransactionAction(TableTransactionActionType.Add, ProductVersionEntity.ToChangeEntity(version, changeId)),
                        latestETag is { } etag
                            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ProductVersionEntity.LatestCopyOf(row), etag)
                            : new TableTransactionAction(TableTransactionActionType.Add, ProductVersionEntity.LatestCopyOf(row)),
                    ],
                    cancellationToken).ConfigureAwait(false);
                return version;
            }
            catch (TableTransactionFailedException error) when (error.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // The change may be the one recorded already (a repeat): then its version is the answer.
                if (await FindChangeAsync(table, partition, changeId, cancellationToken).ConfigureAwait(false) is { } recorded)
                {
                    return recorded;
                }

                LogLostRace(snapshot.Sku.Normalized, version.Number, changeId, attempt);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductVersion>> ListAsync(Sku sku, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var versions = new List<ProductVersion>();
        await foreach (var row in QueryVersions(table, ProductVersionEntity.PartitionKey(sku), null, cancellationToken).ConfigureAwait(false))
        {
            versions.Add(ProductVersionEntity.FromEntity(row));
        }

        return versions;
    }

    private static async Task<ProductVersion?> FindChangeAsync(TableClient table, string partition, string changeId, CancellationToken cancellationToken)
    {
        var pin = await table.GetEntityIfExistsAsync<TableEntity>(partition, ProductVersionEntity.ChangeRowKey(changeId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pin.HasValue)
        {
            return null;
        }

        // Written in the same transaction as its version row, so that row exists.
        var number = ProductVersionEntity.NumberOf(pin.Value!);
        var row = await table.GetEntityAsync<TableEntity>(partition, ProductVersionEntity.VersionRowKey(number), cancellationToken: cancellationToken).ConfigureAwait(false);
        return ProductVersionEntity.FromEntity(row.Value);
    }

    // The newest version and the ETag of its latest row. Without that row the product is new — unless its partition
    // was written before that row existed: then adding version 1 fails, and the next attempt probes for version 1 and
    // reads the newest by query.
    private static async Task<(ProductVersion? Version, ETag? LatestETag)> LatestAsync(TableClient table, string partition, bool probe, CancellationToken cancellationToken)
    {
        var latest = await table.GetEntityIfExistsAsync<TableEntity>(partition, ProductVersionEntity.LatestRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (latest.HasValue)
        {
            return (ProductVersionEntity.FromEntity(latest.Value!), latest.Value!.ETag);
        }

        if (!probe)
        {
            return (null, null);
        }

        var first = await table.GetEntityIfExistsAsync<TableEntity>(partition, ProductVersionEntity.VersionRowKey(1), [ProductVersionEntity.NumberColumn], cancellationToken).ConfigureAwait(false);
        if (!first.HasValue)
        {
            return (null, null);
        }

        await foreach (var row in QueryVersions(table, partition, 1, cancellationToken).ConfigureAwait(false))
        {
            return (ProductVersionEntity.FromEntity(row), null);
        }

        return (null, null);
    }

    private static AsyncPageable<TableEntity> QueryVersions(TableClient table, string partition, int? maxPerPage, CancellationToken cancellationToken)
    {
        var (from, to) = ProductVersionEntity.VersionRange;
        return table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey le {to}"),
            maxPerPage,
            cancellationToken: cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Debug, "Version {Number} of {Sku} for change {ChangeId} was taken by a concurrent writer (attempt {Attempt}); re-reading")]
    private partial void LogLostRace(string sku, int number, string changeId, int attempt);
}

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
/// one row per version with the whole <see cref="ProductVersion"/> as compressed JSON, newest first.
/// </summary>
/// <remarks>
/// Idempotent and safe under concurrency: a version row and the row pinning its change id are added in one entity group
/// transaction, never upserted. If another writer took the number, or recorded the same change, the transaction fails
/// with 409 and nothing is written; the store re-reads and either returns the change's version or numbers after the new
/// latest. So a repeated change is recorded once and concurrent changes get consecutive numbers without gaps.
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
            if (await FindChangeAsync(table, partition, changeId, cancellationToken).ConfigureAwait(false) is { } recorded)
            {
                return recorded;
            }

            var latest = await LatestAsync(table, partition, cancellationToken).ConfigureAwait(false);
            var version = ProductVersion.After(latest, snapshot, source, direction, actor, time.GetUtcNow()) with { ChangeId = changeId };
            if (version.Number > ProductVersionEntity.MaxNumber)
            {
                throw new InvalidOperationException($"{snapshot.Sku} has {ProductVersionEntity.MaxNumber} versions, the most a row key numbers.");
            }

            try
            {
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, ProductVersionEntity.ToEntity(version)),
                        new TableTransactionAction(TableTransactionActionType.Add, ProductVersionEntity.ToChangeEntity(version, changeId)),
                    ],
                    cancellationToken).ConfigureAwait(false);
                return version;
            }
            catch (TableTransactionFailedException error) when (error.Status == 409 && attempt < MaxAttempts)
            {
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

    private static async Task<ProductVersion?> LatestAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        await foreach (var row in QueryVersions(table, partition, 1, cancellationToken).ConfigureAwait(false))
        {
            return ProductVersionEntity.FromEntity(row);
        }

        return null;
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

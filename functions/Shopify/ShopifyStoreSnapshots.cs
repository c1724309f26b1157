using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Store snapshots from Shopify's bulk export (<see cref="ShopifyBulkExport"/>), kept in table <c>storesnapshots</c>
/// (see <see cref="StoreSnapshotRows"/>) and looked up with point reads instead of cost-limited searches.
/// </summary>
/// <remarks>
/// Idempotent: loading upserts (replaces) the same rows, so a repeated or concurrent <see cref="TryCompleteAsync"/>
/// leaves the same snapshot. One product per SKU and per barcode key is kept: where the store holds two products with
/// one SKU or barcode, the snapshot has one of them.
/// </remarks>
public sealed partial class ShopifyStoreSnapshots(ShopifyBulkExport export, StorageClients storage, ILogger<ShopifyStoreSnapshots> logger) : IStoreSnapshots
{
    /// <summary>Point reads in flight per <see cref="FindAsync"/>.</summary>
    public const int MaxParallelReads = 16;

    /// <summary>Transactions in flight while loading.</summary>
    public const int MaxTransactionsInFlight = 4;

    /// <inheritdoc />
    /// <exception cref="ShopifyBulkOperationException">Shopify refused, e.g. <c>OPERATION_IN_PROGRESS</c> while another bulk query runs.</exception>
    public Task<string> StartAsync(string snapshotId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        return export.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryCompleteAsync(string snapshotId, string exportId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        ArgumentException.ThrowIfNullOrWhiteSpace(exportId);
        var status = await export.GetStatusAsync(exportId, cancellationToken).ConfigureAwait(false);
        switch (status.Status)
        {
            case ShopifyBulkOperationStatus.Created or ShopifyBulkOperationStatus.Running:
                return false;
            case ShopifyBulkOperationStatus.Completed:
                break;
            default:
                throw new InvalidOperationException(
                    $"The store export {exportId} for snapshot {snapshotId} ended {status.Status} (error code {status.ErrorCode ?? "none"}).");
        }

        var (products, rows) = status.Url is null ? (0, 0L) : await LoadAsync(snapshotId, status.Url, cancellationToken).ConfigureAwait(false);
        LogLoaded(snapshotId, exportId, products, rows);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Product>> FindAsync(string snapshotId, IReadOnlyCollection<string> skus, IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(barcodes);
        // The same exact-match rules as ShopifyCatalog: SKUs compared normalized, barcodes trimmed and then verbatim.
        var wantedSkus = skus.Select(Sku.Normalize).Where(sku => sku.Length > 0).ToHashSet(StringComparer.Ordinal);
        var wantedBarcodes = barcodes.Select(barcode => barcode?.Trim()).OfType<string>().Where(barcode => barcode.Length > 0).ToHashSet(StringComparer.Ordinal);
        var keys = wantedSkus.Select(StoreSnapshotRows.SkuKey).Concat(wantedBarcodes.Select(StoreSnapshotRows.BarcodeKey).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToArray();
        var table = await storage.GetTableAsync(StoreSnapshotRows.TableName, cancellationToken).ConfigureAwait(false);
        var read = new Product?[keys.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Length), options, async (index, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(StoreSnapshotRows.Partition(snapshotId, keys[index]), keys[index], cancellationToken: token).ConfigureAwait(false);
            read[index] = row.HasValue ? StoreSnapshotRows.FromRow(row.Value!) : null;
        }).ConfigureAwait(false);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. read.OfType<Product>().Where(product =>
            (wantedSkus.Contains(product.Sku.Normalized) || (product.Upc is { } upc && wantedBarcodes.Contains(upc))) && seen.Add(product.Sku.Normalized))];
    }

    private async Task<(int Products, long Rows)> LoadAsync(string snapshotId, Uri url, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(StoreSnapshotRows.TableName, cancellationToken).ConfigureAwait(false);
        var products = 0;
        var batcher = new TableUpsertBatcher(table, MaxTransactionsInFlight);
        await using (batcher.ConfigureAwait(false))
        {
            await foreach (var product in export.ReadResultAsync(url, cancellationToken).ConfigureAwait(false))
            {
                var (rows, bytes) = StoreSnapshotRows.ToRows(snapshotId, product);
                foreach (var row in rows)
                {
                    await batcher.AddAsync(row, bytes, cancellationToken).ConfigureAwait(false);
                }

                products++;
            }

            await batcher.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return (products, batcher.Written);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Loaded store snapshot {SnapshotId} from export {ExportId}: {Products} products, {Rows} rows")]
    private partial void LogLoaded(string snapshotId, string exportId, int products, long rows);
}

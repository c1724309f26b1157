using System.IO.Compression;
using System.Text.Json;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Store snapshots from Shopify's bulk export (<see cref="ShopifyBulkExport"/>), kept as one blob each (container
/// <c>storesnapshots</c>, <c>{snapshot}.jsonl.gz</c>: the products as JSON lines, gzip) and looked up in memory
/// (<see cref="StoreSnapshotIndex"/>) instead of with cost-limited searches or a table request per row: a process reads
/// a snapshot once, on its first lookup, and keeps the last one it read.
/// </summary>
/// <remarks>
/// Idempotent: loading rewrites the same blob from the same export, so a repeated or concurrent
/// <see cref="TryCompleteAsync"/> leaves the same snapshot. A snapshot is written whole before the call returns
/// <see langword="true"/>, so no lookup sees part of one.
/// </remarks>
public sealed partial class ShopifyStoreSnapshots(ShopifyBulkExport export, StorageClients storage, ILogger<ShopifyStoreSnapshots> logger) : IStoreSnapshots, IDisposable
{
    /// <summary>The container.</summary>
    public const string ContainerName = "storesnapshots";

    private readonly SemaphoreSlim _reading = new(1, 1);
    private StoreSnapshotIndex? _last;

    /// <summary>The blob of a snapshot.</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <returns>Its name in <see cref="ContainerName"/>.</returns>
    public static string BlobNameOf(string snapshotId) => $"{snapshotId}.jsonl.gz";

    /// <inheritdoc />
    public void Dispose() => _reading.Dispose();

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

        var (products, bytes) = await LoadAsync(snapshotId, status.Url, cancellationToken).ConfigureAwait(false);
        LogLoaded(snapshotId, exportId, products, bytes);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Product>> FindAsync(string snapshotId, IReadOnlyCollection<string> skus, IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotId);
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(barcodes);
        if (await IndexOfAsync(snapshotId, cancellationToken).ConfigureAwait(false) is not { } index)
        {
            return [];
        }

        // The same exact-match rules as ShopifyCatalog: SKUs compared normalized, barcodes trimmed and then verbatim.
        var wantedSkus = skus.Select(Sku.Normalize).Where(sku => sku.Length > 0).ToHashSet(StringComparer.Ordinal);
        var wantedBarcodes = barcodes.Select(barcode => barcode?.Trim()).OfType<string>().Where(barcode => barcode.Length > 0).ToHashSet(StringComparer.Ordinal);
        var found = wantedSkus.Select(index.BySku)
            .Concat(wantedBarcodes.Select(StoreSnapshotIndex.BarcodeKey).OfType<string>().Distinct(StringComparer.Ordinal).Select(index.ByBarcodeKey))
            .OfType<Product>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. found.Where(product =>
            (wantedSkus.Contains(product.Sku.Normalized) || (product.Upc is { } upc && wantedBarcodes.Contains(upc))) && seen.Add(product.Sku.Normalized))];
    }

    private async Task<StoreSnapshotIndex?> IndexOfAsync(string snapshotId, CancellationToken cancellationToken)
    {
        if (_last is { } last && last.SnapshotId == snapshotId)
        {
            return last;
        }

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } read && read.SnapshotId == snapshotId)
            {
                return read;
            }

            var container = await storage.GetBlobContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
            var blob = container.GetBlobClient(BlobNameOf(snapshotId));
            if (!await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await using var file = await blob.OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _last = await StoreSnapshotIndex.ReadAsync(snapshotId, file, cancellationToken).ConfigureAwait(false);
            LogRead(snapshotId, _last.Count);
            return _last;
        }
        finally
        {
            _reading.Release();
        }
    }

    // An empty store's export has no file: its snapshot is an empty one.
    private async Task<(int Products, long Bytes)> LoadAsync(string snapshotId, Uri? url, CancellationToken cancellationToken)
    {
        var container = await storage.GetBlobContainerAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        var products = 0;
        var blob = container.GetBlobClient(BlobNameOf(snapshotId));
        await using (var file = await blob.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken).ConfigureAwait(false))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            var exported = url is null ? AsyncEnumerable.Empty<Product>() : export.ReadResultAsync(url, cancellationToken);
            await foreach (var product in exported.ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(gzip, product, DomainJson.Options, cancellationToken).ConfigureAwait(false);
                gzip.WriteByte((byte)'\n');
                products++;
            }
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (products, properties.Value.ContentLength);
    }

    [LoggerMessage(1, LogLevel.Information, "Loaded store snapshot {SnapshotId} from export {ExportId}: {Products} products, {Bytes} bytes compressed")]
    private partial void LogLoaded(string snapshotId, string exportId, int products, long bytes);

    [LoggerMessage(2, LogLevel.Information, "Read store snapshot {SnapshotId} into memory: {Products} products")]
    private partial void LogRead(string snapshotId, int products);
}

using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>
/// Point-in-time copies of the store's products, for imports too large to look every batch up in Shopify within its
/// cost limit: the store is exported once (a bulk operation) and the batches match against the copy.
/// </summary>
public interface IStoreSnapshots
{
    /// <summary>Starts exporting the store for a snapshot.</summary>
    /// <param name="snapshotId">The snapshot (an import run's id).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The export's handle, to poll with <see cref="TryCompleteAsync"/>.</returns>
    Task<string> StartAsync(string snapshotId, CancellationToken cancellationToken);

    /// <summary>Polls the export; once it is done, loads it into the snapshot (a repeat loads the same rows again).</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="exportId">The handle <see cref="StartAsync"/> returned.</param>
    /// <param name="cancellationToken">Stops the poll or the load.</param>
    /// <returns><see langword="true"/> when the snapshot is complete; <see langword="false"/> while the export runs.</returns>
    /// <exception cref="InvalidOperationException">The export failed, was cancelled or expired; the message says which.</exception>
    Task<bool> TryCompleteAsync(string snapshotId, string exportId, CancellationToken cancellationToken);

    /// <summary>The snapshot's products whose variant SKU or barcode is one of those given.</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="skus">SKUs to look for.</param>
    /// <param name="barcodes">Barcodes to look for.</param>
    /// <param name="cancellationToken">Stops the lookups.</param>
    /// <returns>The products found, each once, mapped exactly as <see cref="IShopifyCatalog.FindAsync"/> maps them.</returns>
    Task<IReadOnlyList<Product>> FindAsync(string snapshotId, IReadOnlyCollection<string> skus, IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken);
}

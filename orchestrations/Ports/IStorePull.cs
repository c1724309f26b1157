namespace CowansSync.Orchestrations.Ports;

/// <summary>The store's products as a pull reads them: a whole-store export, split into batches, or pages of a search.</summary>
public interface IStorePull
{
    /// <summary>Starts exporting the whole store.</summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The export's handle.</returns>
    Task<string> StartExportAsync(CancellationToken cancellationToken);

    /// <summary>Polls the export; once it is done, splits it into batches of the run (a repeat writes the same batches).</summary>
    /// <param name="runId">The pull run the batches belong to.</param>
    /// <param name="exportId">The handle <see cref="StartExportAsync"/> returned.</param>
    /// <param name="batchSize">Products per batch.</param>
    /// <param name="cancellationToken">Stops the poll or the split.</param>
    /// <returns>The batches, or <see langword="null"/> while the export runs.</returns>
    /// <exception cref="InvalidOperationException">The export failed, was cancelled or expired; the message says which.</exception>
    Task<StoreExportSplit?> TrySplitExportAsync(string runId, string exportId, int batchSize, CancellationToken cancellationToken);

    /// <summary>Reads one batch <see cref="TrySplitExportAsync"/> wrote.</summary>
    /// <param name="runId">The pull run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The batch's products.</returns>
    Task<IReadOnlyList<StoreProduct>> ReadExportBatchAsync(string runId, int batchIndex, CancellationToken cancellationToken);

    /// <summary>One page of the products a search finds, least recently updated first.</summary>
    /// <param name="query">Shopify's search syntax, e.g. <c>updated_at:&gt;'2026-12-01T00:00:00Z'</c>; empty for every product.</param>
    /// <param name="cursor">Where the page starts: <see langword="null"/> for the first, then the previous page's <see cref="StoreProductPage.NextCursor"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The page.</returns>
    Task<StoreProductPage> ReadPageAsync(string query, string? cursor, CancellationToken cancellationToken);
}

using System.Globalization;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The store as a pull reads it: the whole store through one bulk export (products, variants, inventory items,
/// images, collections, the part-number metafield), split into JSON batches beside the import's
/// (<c>workflow-payloads/{run}/pull-{batch}.json</c>), or pages of <c>ReadProducts</c> for a search.
/// </summary>
/// <remarks>Splitting the same export again writes the same batches, so a repeated split is harmless.</remarks>
public sealed class ShopifyStorePull(ShopifyGraphQLClient client, ShopifyBulkExport export, IPayloadStore payloads) : IStorePull
{
    /// <summary>Products per page of a search: everything a pull compares costs 29 points a product, so 30 fit Shopify's 1,000-point query limit.</summary>
    public const int PageSize = ShopifyPush.ReadPageSize;

    private static readonly ShopifyDocument s_readProducts = ShopifyDocument.Load("ReadProducts", estimatedCost: 2 + (PageSize * ShopifyReadSelection.All.CostPerProduct));

    /// <summary>The path of one batch of a pull.</summary>
    /// <param name="runId">The pull run.</param>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns><c>container/name</c>.</returns>
    public static string BatchPath(string runId, int batchIndex)
        => string.Create(CultureInfo.InvariantCulture, $"{ImportPayloads.Container}/{runId}/pull-{batchIndex:D6}.json");

    /// <inheritdoc />
    public Task<string> StartExportAsync(CancellationToken cancellationToken) => export.StartAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<StoreExportSplit?> TrySplitExportAsync(string runId, string exportId, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var status = await export.GetStatusAsync(exportId, cancellationToken).ConfigureAwait(false);
        switch (status.Status)
        {
            case ShopifyBulkOperationStatus.Created or ShopifyBulkOperationStatus.Running:
                return null;
            case ShopifyBulkOperationStatus.Completed:
                break;
            default:
                throw new InvalidOperationException($"The store export {exportId} for pull {runId} ended {status.Status} (error code {status.ErrorCode ?? "none"}).");
        }

        // An empty store's export has no file.
        if (status.Url is not { } url)
        {
            return new StoreExportSplit(0, 0, null);
        }

        var batches = 0;
        var products = 0L;
        DateTimeOffset? last = null;
        var batch = new List<StoreProduct>(batchSize);
        await foreach (var product in export.ReadStoreProductsAsync(url, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(product);
            products++;
            last = last is null || product.UpdatedAt > last ? product.UpdatedAt : last;
            if (batch.Count == batchSize)
            {
                await WriteBatchAsync(runId, batches++, batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await WriteBatchAsync(runId, batches++, batch, cancellationToken).ConfigureAwait(false);
        }

        return new StoreExportSplit(batches, products, last);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoreProduct>> ReadExportBatchAsync(string runId, int batchIndex, CancellationToken cancellationToken)
    {
        return await payloads.ReadJsonAsync<List<StoreProduct>>(BatchPath(runId, batchIndex), cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <inheritdoc />
    public async Task<StoreProductPage> ReadPageAsync(string query, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = (await client.ExecuteAsync<ProductsData>(s_readProducts, ShopifyReadSelection.All.Variables(PageSize, query, cursor), cancellationToken).ConfigureAwait(false)).Products;
        var products = page.Nodes.Select(ShopifyProductMapper.Map).OfType<StoreProduct>().ToList();
        return new StoreProductPage(products, page.PageInfo.HasNextPage ? page.PageInfo.EndCursor : null);
    }

    private Task WriteBatchAsync(string runId, int batchIndex, List<StoreProduct> batch, CancellationToken cancellationToken)
        => payloads.WriteJsonAsync(BatchPath(runId, batchIndex), batch, cancellationToken);
}

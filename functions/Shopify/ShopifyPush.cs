using System.Globalization;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The push's store adapter: re-reads by id (ReadProducts pages selecting what the push compares, or a store export
/// for many ids), creates products,
/// and writes only the fields an update names, stock first with compare-and-set.
/// </summary>
/// <remarks>
/// At-least-once safe: product, variant and collection writes set the same values when repeated; stock writes carry a
/// key derived from the change's, so a repeat is applied once; a create is preceded by <see cref="FindBySkuAsync"/>.
/// </remarks>
public sealed class ShopifyPush : IShopifyPush
{
    /// <summary>Products per ReadProducts page (2 + 30 × 29 = 872 of the 1,000 points a query may cost).</summary>
    public const int ReadPageSize = 30;

    private static readonly ShopifyDocument s_readProducts = ShopifyDocument.Load("ReadProducts", estimatedCost: 2 + (ReadPageSize * ShopifyReadSelection.All.CostPerProduct));

    private readonly ShopifyGraphQLClient _client;
    private readonly ShopifyCatalog _catalog;
    private readonly ShopifyBulkExport _export;
    private readonly ShopifyBulkMutation _bulk;
    private readonly ShopifyPushWrites _writes;

    /// <summary>Creates the adapter.</summary>
    /// <param name="client">The Admin API client (shared: its cost bucket covers the app).</param>
    /// <param name="catalog">Finds products by SKU.</param>
    /// <param name="export">Reads the whole store when many ids are wanted.</param>
    /// <param name="bulk">Runs bulk mutations.</param>
    public ShopifyPush(ShopifyGraphQLClient client, ShopifyCatalog catalog, ShopifyBulkExport export, ShopifyBulkMutation bulk)
    {
        _client = client;
        _catalog = catalog;
        _export = export;
        _bulk = bulk;
        _writes = new ShopifyPushWrites(client);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, StoreProduct>> ReadAsync(IReadOnlyCollection<string> productIds, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return ReadAsync(productIds, ShopifyReadSelection.For(fields), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ShopifyBulkStart> StartStoreExportAsync(CancellationToken cancellationToken)
    {
        try
        {
            return ShopifyBulkStart.Started(await _export.StartAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (ShopifyBulkOperationException busy) when (busy.ErrorCode == ShopifyBulkOperationException.OperationInProgress)
        {
            return ShopifyBulkStart.ShopBusy;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StoreProduct>> ReadStoreExportAsync(string exportId, IReadOnlyCollection<string> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var status = await _export.GetStatusAsync(exportId, cancellationToken).ConfigureAwait(false);
        if (status.Status != ShopifyBulkOperationStatus.Completed)
        {
            throw new ShopifyBulkOperationException($"The store export {exportId} has not completed ({status.Status}); it cannot be read.", exportId, status.ErrorCode);
        }

        var wanted = productIds.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, StoreProduct>(StringComparer.Ordinal);
        if (status.Url is null)
        {
            return found;
        }

        await foreach (var product in _export.ReadStoreProductsAsync(status.Url, cancellationToken).ConfigureAwait(false))
        {
            if (product.Product.ShopifyProductId is { } id && wanted.Contains(id))
            {
                found[id] = product;
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<StoreProduct?> FindBySkuAsync(Sku sku, CancellationToken cancellationToken)
    {
        var matches = await _catalog.FindStoreProductsAsync([sku.Original], [], cancellationToken).ConfigureAwait(false);
        if (matches.FirstOrDefault(match => match.Product.Sku.Normalized == sku.Normalized)?.Product.ShopifyProductId is not { } id)
        {
            return null;
        }

        // Read again by id for the collections FindProducts leaves out.
        return (await ReadAsync([id], ShopifyReadSelection.All, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id);
    }

    /// <inheritdoc />
    public Task<ShopifyWriteResult> CreateAsync(Product product, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return ShopifyProductCreation.RunAsync(_writes, product, idempotencyKey, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ShopifyWriteResult> UpdateAsync(ShopifyUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return ShopifyProductUpdate.RunAsync(_writes, update, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ShopifyBulkStart> StartBulkUpdateAsync(IReadOnlyList<ShopifyUpdate> updates, ShopifyBulkStage stage, string? variantsOperationId, CancellationToken cancellationToken)
        => _bulk.StartAsync(updates, stage, variantsOperationId, cancellationToken);

    /// <inheritdoc />
    public Task<ShopifyBulkCheck> CheckBulkOperationAsync(string operationId, CancellationToken cancellationToken)
        => _bulk.CheckAsync(operationId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ShopifyWriteResult>> ReadBulkUpdateAsync(
        IReadOnlyList<ShopifyUpdate> updates, string? variantsOperationId, string? productsOperationId, CancellationToken cancellationToken)
        => _bulk.ReadAsync(updates, variantsOperationId, productsOperationId, cancellationToken);

    private async Task<IReadOnlyDictionary<string, StoreProduct>> ReadAsync(IReadOnlyCollection<string> productIds, ShopifyReadSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        // Named by selection: the client remembers each document's requested cost, and each selection costs its own.
        var document = s_readProducts with { Name = $"{s_readProducts.Name}({selection})", EstimatedCost = 2 + (ReadPageSize * selection.CostPerProduct) };
        var wanted = productIds.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, StoreProduct>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(ReadPageSize))
        {
            var query = string.Join(" OR ", chunk.Select(id => $"id:{LegacyId(id)}"));
            var page = (await _client.ExecuteAsync<ProductsData>(document, selection.Variables(ReadPageSize, query), cancellationToken).ConfigureAwait(false)).Products;
            foreach (var node in page.Nodes)
            {
                if (wanted.Contains(node.Id) && ShopifyProductMapper.Map(node) is { } mapped)
                {
                    found[node.Id] = mapped;
                }
            }
        }

        return found;
    }

    // Search takes the numeric id: the last segment of the GID.
    private static string LegacyId(string productId)
    {
        var id = productId[(productId.LastIndexOf('/') + 1)..];
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? id
            : throw new ArgumentException($"'{productId}' is not a Shopify product GID (gid://shopify/Product/<number>).", nameof(productId));
    }
}

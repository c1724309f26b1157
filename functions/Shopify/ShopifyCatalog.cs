using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Finds store products by SKU and barcode with batched <c>products(query:)</c> searches: 100 terms per search,
/// 50 products per page (FindProducts.graphql requests 852 of the 1,000 points a query may cost, 17 a product), paged by cursor.
/// </summary>
/// <remarks>Read-only, so repeating or running it concurrently is harmless.</remarks>
public sealed partial class ShopifyCatalog(ShopifyGraphQLClient client, ILogger<ShopifyCatalog> logger) : IShopifyCatalog
{
    /// <summary>Products per page of FindProducts.</summary>
    public const int PageSize = 50;

    private static readonly ShopifyDocument s_findProducts = ShopifyDocument.Load("FindProducts", estimatedCost: 852);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Product>> FindAsync(IReadOnlyCollection<string> skus, IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken)
        => [.. (await FindStoreProductsAsync(skus, barcodes, cancellationToken).ConfigureAwait(false)).Select(found => found.Product)];

    /// <summary>As <see cref="FindAsync"/>, with each product's <c>updatedAt</c>.</summary>
    /// <param name="skus">SKUs to look for.</param>
    /// <param name="barcodes">Barcodes to look for.</param>
    /// <param name="cancellationToken">Stops the lookups.</param>
    /// <returns>The products found, each once, whose first variant has one of the SKUs or barcodes.</returns>
    /// <exception cref="ShopifyGraphQLException">Shopify refused a search.</exception>
    public async Task<IReadOnlyList<StoreProduct>> FindStoreProductsAsync(IReadOnlyCollection<string> skus, IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(barcodes);
        var wantedSkus = skus.Select(Sku.Normalize).Where(sku => sku.Length > 0).ToHashSet(StringComparer.Ordinal);
        var wantedBarcodes = barcodes.Select(barcode => barcode?.Trim()).OfType<string>().Where(barcode => barcode.Length > 0).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, StoreProduct>(StringComparer.Ordinal);
        foreach (var query in ShopifySearchQuery.Chunks(skus, barcodes))
        {
            string? after = null;
            do
            {
                var page = (await client.ExecuteAsync<ProductsData>(s_findProducts, new { first = PageSize, query, after }, cancellationToken).ConfigureAwait(false)).Products;
                foreach (var node in page.Nodes)
                {
                    if (found.ContainsKey(node.Id))
                    {
                        continue;
                    }

                    var mapped = ShopifyProductMapper.Map(node);
                    if (mapped is null)
                    {
                        LogSkipped(node.Id);
                    }
                    // Shopify's search can match more loosely than wanted (tokens, other variants): keep exact matches only.
                    else if (wantedSkus.Contains(mapped.Product.Sku.Normalized) || (mapped.Product.Upc is { } upc && wantedBarcodes.Contains(upc)))
                    {
                        found[node.Id] = mapped;
                    }
                }

                // A cursor that does not move would loop forever.
                after = page.PageInfo.HasNextPage && page.PageInfo.EndCursor != after ? page.PageInfo.EndCursor : null;
            }
            while (after is not null);
        }

        return [.. found.Values];
    }

    [LoggerMessage(1, LogLevel.Warning, "Skipped Shopify product {ProductId}: its first variant has no SKU")]
    private partial void LogSkipped(string productId);
}

using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Xorosoft's stock, as the inventory sync reads it: its local mirror refreshed through the paged API, then read locally.</summary>
public interface IXorosoftStock
{
    /// <summary>Refreshes the mirror's items and their stock from Xorosoft's paged listings (within its concurrency limit).</summary>
    /// <param name="cancellationToken">Stops the refresh.</param>
    /// <returns>The normalized SKUs whose stock the refresh moved (new items included).</returns>
    Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>The stock of each SKU Xorosoft knows, in the store Shopify mirrors.</summary>
    /// <param name="skus">The products.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>By normalized SKU; a SKU Xorosoft does not know, or gives no stock for, is absent.</returns>
    Task<IReadOnlyDictionary<string, int>> StockOfAsync(IReadOnlyCollection<Sku> skus, CancellationToken cancellationToken);
}

using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>The store's products, as the import matches against them.</summary>
public interface IShopifyCatalog
{
    /// <summary>The store's products whose variant SKU or barcode is one of those given, in as few requests as the cost limit allows.</summary>
    /// <param name="skus">SKUs to look for.</param>
    /// <param name="barcodes">Barcodes to look for.</param>
    /// <param name="cancellationToken">Stops the lookups.</param>
    /// <returns>The products found, mapped to the local model (with their Shopify ids), each once.</returns>
    Task<IReadOnlyList<Product>> FindAsync(IReadOnlyCollection<string> skus, IReadOnlyCollection<string> barcodes, CancellationToken cancellationToken);
}

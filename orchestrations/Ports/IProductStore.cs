using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>The local catalog: each product as last synced with the store.</summary>
public interface IProductStore
{
    /// <summary>Keeps the product unless the stored one has a later <see cref="Product.LastSyncedVersion"/>, so a late
    /// repeat of an older push cannot undo a newer one.</summary>
    /// <param name="product">The product, with its <see cref="Product.LastSyncedVersion"/> and hash.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the product is stored (or found newer).</returns>
    Task SaveAsync(Product product, CancellationToken cancellationToken);

    /// <summary>Reads a product.</summary>
    /// <param name="sku">The product.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The product, or <see langword="null"/> when the local catalog does not have it.</returns>
    Task<Product?> GetAsync(Sku sku, CancellationToken cancellationToken);

    /// <summary>Finds the product saved with a Shopify product id.</summary>
    /// <param name="shopifyProductId">The store product's GID.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The product's SKU, or <see langword="null"/> when no product was ever saved with that id.</returns>
    /// <remarks>The product may name another id by now (detached, or created again); callers check.</remarks>
    Task<Sku?> FindByShopifyIdAsync(string shopifyProductId, CancellationToken cancellationToken);

    /// <summary>Every product's SKU (its key only, not the product).</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The SKUs, in key order.</returns>
    Task<IReadOnlyList<Sku>> ListSkusAsync(CancellationToken cancellationToken);
}

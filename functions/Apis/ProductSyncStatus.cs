using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Versions;

namespace CowansSync.Functions.Apis;

/// <summary>
/// A product's <c>sync_status</c>, after seed 004's products table: without a Shopify id it is not in the store; with
/// one it is synced, unless its content has moved on from the version last synced.
/// </summary>
public static class ProductSyncStatus
{
    /// <summary>The product is not in Shopify yet.</summary>
    public const string NotSynced = "not_synced";

    /// <summary>The product is in Shopify as stored here (seed 004 assumes synced when it has a Shopify id and no status).</summary>
    public const string Synced = "synced";

    /// <summary>The product's content differs from the version last synced: a push is due.</summary>
    public const string Pending = "pending";

    /// <summary>The status of <paramref name="product"/>.</summary>
    /// <param name="product">A local product.</param>
    /// <returns><see cref="NotSynced"/>, <see cref="Pending"/> or <see cref="Synced"/>.</returns>
    public static string Of(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (string.IsNullOrEmpty(product.ShopifyProductId))
        {
            return NotSynced;
        }

        return product.LastSyncedHash is { } hash && !string.Equals(hash, ProductSnapshot.Hash(product), StringComparison.Ordinal) ? Pending : Synced;
    }
}

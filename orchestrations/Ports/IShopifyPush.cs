using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Ports;

/// <summary>The store's write side, as the push uses it: re-reads just before writing, then field-level writes.</summary>
/// <remarks>
/// Shopify has no compare-and-set for products and variants, so the push re-reads what it is about to change and
/// compares it with the staged before-image; stock has one (<c>changeFromQuantity</c>), which the adapter uses.
/// Every write may be repeated: a repeat writes the same values, and stock writes carry an idempotency key.
/// </remarks>
public interface IShopifyPush
{
    /// <summary>The store's current state of products, by Shopify product id (GID).</summary>
    /// <param name="productIds">The products to read: a batch's worth (read in pages, each costing the rate limit; for
    /// thousands, export the store instead: <see cref="StartStoreExportAsync"/>).</param>
    /// <param name="fields">The API names (<see cref="ProductFields"/>) of the fields the push compares: the read
    /// selects what holds them (each selection costs rate limit), and may leave others empty. The ids, SKU and
    /// <see cref="StoreProduct.UpdatedAt"/> always come, except an inventory item id no named field needs.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The products found, keyed by product id, mapped as <see cref="IShopifyCatalog.FindAsync"/> maps them plus
    /// their collections' handles; an id Shopify no longer has is absent.</returns>
    Task<IReadOnlyDictionary<string, StoreProduct>> ReadAsync(IReadOnlyCollection<string> productIds, IReadOnlyCollection<string> fields, CancellationToken cancellationToken);

    /// <summary>
    /// Starts exporting the whole store (one bulk query) for a re-read of many products. It does not wait: ask
    /// <see cref="CheckBulkOperationAsync"/> until it completes, then <see cref="ReadStoreExportAsync"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started export, or <see cref="ShopifyBulkStart.ShopBusy"/> while another bulk query runs.</returns>
    Task<ShopifyBulkStart> StartStoreExportAsync(CancellationToken cancellationToken);

    /// <summary>As <see cref="ReadAsync"/>, from a completed store export; a repeat reads the same products.</summary>
    /// <param name="exportId">The export's GID, from <see cref="StartStoreExportAsync"/>.</param>
    /// <param name="productIds">The products wanted, any number.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The products found, keyed by product id, mapped as <see cref="ReadAsync"/> maps them.</returns>
    Task<IReadOnlyDictionary<string, StoreProduct>> ReadStoreExportAsync(string exportId, IReadOnlyCollection<string> productIds, CancellationToken cancellationToken);

    /// <summary>The store product whose first variant has the SKU, read before a create so a repeated create finds the first.</summary>
    /// <param name="sku">The SKU.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The product, or <see langword="null"/> when the store has none.</returns>
    Task<StoreProduct?> FindBySkuAsync(Sku sku, CancellationToken cancellationToken);

    /// <summary>Creates a product with its single variant, stock, media and collection memberships.</summary>
    /// <param name="product">The product to create.</param>
    /// <param name="idempotencyKey">A key derived from the change id, for the writes that take one.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The outcome; on success its product carries the new Shopify ids.</returns>
    Task<ShopifyWriteResult> CreateAsync(Product product, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Writes the named fields of one product.</summary>
    /// <param name="update">What to write.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The outcome.</returns>
    Task<ShopifyWriteResult> UpdateAsync(ShopifyUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// Starts one stage of a bulk update (as <see cref="UpdateAsync"/> for many products, for updates of
    /// <see cref="ShopifyUpdate.IsBulkWritable"/> fields only): uploads the stage's lines and starts its bulk mutation.
    /// It does not wait: ask <see cref="CheckBulkOperationAsync"/> until it is done, then <see cref="ReadBulkUpdateAsync"/>.
    /// </summary>
    /// <param name="updates">The whole bulk update, the same list in every call; the stage picks its lines from it.</param>
    /// <param name="stage">The stage to start.</param>
    /// <param name="variantsOperationId">For <see cref="ShopifyBulkStage.Products"/>: the completed variants operation, whose
    /// failed lines are left out; <see langword="null"/> when the variants stage wrote nothing or did not complete (then
    /// every update with variant fields is left out).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started operation, <see cref="ShopifyBulkStart.ShopBusy"/>, or <see cref="ShopifyBulkStart.NothingToWrite"/>.</returns>
    Task<ShopifyBulkStart> StartBulkUpdateAsync(IReadOnlyList<ShopifyUpdate> updates, ShopifyBulkStage stage, string? variantsOperationId, CancellationToken cancellationToken);

    /// <summary>Asks once where a bulk operation is.</summary>
    /// <param name="operationId">The operation's GID.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>Its state.</returns>
    Task<ShopifyBulkCheck> CheckBulkOperationAsync(string operationId, CancellationToken cancellationToken);

    /// <summary>The outcome of each update of a bulk update, from its stages' results.</summary>
    /// <param name="updates">The whole bulk update, as given to <see cref="StartBulkUpdateAsync"/>.</param>
    /// <param name="variantsOperationId">The completed variants operation, or <see langword="null"/> (see <see cref="StartBulkUpdateAsync"/>).</param>
    /// <param name="productsOperationId">The completed products operation, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>One outcome per update, in order: an update with lines in a stage that has no completed operation, or
    /// whose line failed, is a failure (written one by one next).</returns>
    Task<IReadOnlyList<ShopifyWriteResult>> ReadBulkUpdateAsync(
        IReadOnlyList<ShopifyUpdate> updates, string? variantsOperationId, string? productsOperationId, CancellationToken cancellationToken);
}

using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Creates a store product in four steps: productCreate (fields, MPN metafield, media), the default variant
/// (SKU, prices, barcode, cost, weight), stock (from 0, keyed), then collection memberships.
/// </summary>
/// <remarks>
/// A new item's level at the shop's location holds 0, so stock is set with <c>changeFromQuantity: 0</c>. A failure
/// after the variant write leaves a product the caller's next <see cref="IShopifyPush.FindBySkuAsync"/> finds by its
/// SKU; a failed variant write deletes the product it would otherwise leave unfindable.
/// </remarks>
internal static class ShopifyProductCreation
{
    private static readonly IReadOnlySet<string> s_allFields = ShopifyPushInputs.ProductLevelFields.Union(ShopifyPushInputs.VariantLevelFields).ToHashSet(StringComparer.Ordinal);

    public static async Task<ShopifyWriteResult> RunAsync(ShopifyPushWrites writes, Product product, string idempotencyKey, CancellationToken cancellationToken)
    {
        var input = ShopifyPushInputs.Product(product, s_allFields, productId: null);
        var media = ShopifyPushInputs.Media(product.Images, [], s_allFields);
        var (created, errors) = await writes.CreateProductAsync(input, media, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0 || created?.Variants?.Nodes is not [var variant, ..])
        {
            return Failure(errors, "productCreate returned no product or variant");
        }

        errors = await WriteVariantOrUndoAsync(writes, product, created.Id, variant.Id, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return Failure(errors, null);
        }

        var inventoryItemId = variant.InventoryItem?.Id;
        if (product.InventoryQuantity is { } quantity && inventoryItemId is not null)
        {
            var key = ShopifyPushWrites.IdempotencyKey(idempotencyKey, "create-stock");
            errors = await writes.SetStockAsync(inventoryItemId, quantity, changeFromQuantity: 0, key, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return Failure(errors, null);
            }
        }

        errors = await writes.AddToCollectionsAsync(created.Id, product.Collections, cancellationToken).ConfigureAwait(false);
        return errors.Count > 0
            ? Failure(errors, null)
            : ShopifyWriteResult.Success(product with { ShopifyProductId = created.Id, ShopifyVariantId = variant.Id, ShopifyInventoryItemId = inventoryItemId });
    }

    // Until its variant carries the SKU, FindBySkuAsync cannot find the product, so a retry would create a second one:
    // a product whose variant write failed is deleted again (if that fails too, the duplicate risk remains).
    private static async Task<IReadOnlyList<ShopifyUserError>> WriteVariantOrUndoAsync(
        ShopifyPushWrites writes, Product product, string productId, string variantId, CancellationToken cancellationToken)
    {
        var variantInput = ShopifyPushInputs.Variant(product, s_allFields, variantId, withSku: true)!;
        try
        {
            var errors = await writes.UpdateVariantAsync(productId, variantInput, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                await writes.DeleteProductAsync(productId, CancellationToken.None).ConfigureAwait(false);
            }

            return errors;
        }
        catch (ShopifyGraphQLException)
        {
            await writes.DeleteProductAsync(productId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static ShopifyWriteResult Failure(IReadOnlyList<ShopifyUserError> errors, string? whenEmpty)
        => ShopifyWriteResult.Failure(errors.Count > 0 || whenEmpty is null ? errors : [new ShopifyUserError(null, whenEmpty, null)]);
}

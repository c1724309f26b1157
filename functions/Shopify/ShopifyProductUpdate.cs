using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Writes the fields an update names, in this order: stock (compare-and-set, keyed), product fields (one
/// productUpdate), variant fields (one productVariantsBulkUpdate), then collections to join (never to leave).
/// </summary>
/// <remarks>
/// Stock goes first because it is the only write Shopify can refuse as stale: a refusal then leaves everything
/// unwritten. The first step with userErrors ends the update; the steps before it stay written and are harmless to
/// repeat (same values; the same stock key is answered with its first answer).
/// </remarks>
internal static class ShopifyProductUpdate
{
    public static async Task<ShopifyWriteResult> RunAsync(ShopifyPushWrites writes, ShopifyUpdate update, CancellationToken cancellationToken)
    {
        var fields = update.Fields.ToHashSet(StringComparer.Ordinal);
        ShopifyPushInputs.ThrowIfUnsupported(fields);
        var current = update.Current;
        var proposed = update.Proposed;
        var productId = current.ShopifyProductId ?? throw new ArgumentException("The update's current product has no Shopify product id.", nameof(update));

        if (fields.Contains(ShopifyPushInputs.StockField) && proposed.InventoryQuantity is { } quantity)
        {
            var inventoryItemId = current.ShopifyInventoryItemId ?? throw new ArgumentException("The update's current product has no inventory item id.", nameof(update));
            var key = ShopifyPushWrites.IdempotencyKey(update.IdempotencyKey, "stock");
            var errors = await writes.SetStockAsync(inventoryItemId, quantity, current.InventoryQuantity, key, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return ShopifyWriteResult.Failure(errors);
            }
        }

        if (fields.Overlaps(ShopifyPushInputs.ProductLevelFields))
        {
            var input = ShopifyPushInputs.Product(proposed, fields, productId);
            var media = ShopifyPushInputs.Media(proposed.Images, current.Images, fields);
            var errors = input.Count > 1 || media is not null
                ? await writes.UpdateProductAsync(input, media, cancellationToken).ConfigureAwait(false)
                : [];
            if (errors.Count > 0)
            {
                return ShopifyWriteResult.Failure(errors);
            }
        }

        if (fields.Overlaps(ShopifyPushInputs.VariantLevelFields))
        {
            var variantId = current.ShopifyVariantId ?? throw new ArgumentException("The update's current product has no variant id.", nameof(update));
            var variant = ShopifyPushInputs.Variant(proposed, fields, variantId, withSku: false)!;
            var errors = await writes.UpdateVariantAsync(productId, variant, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return ShopifyWriteResult.Failure(errors);
            }
        }

        if (fields.Contains(ShopifyPushInputs.CollectionsField))
        {
            var added = proposed.Collections.Except(current.Collections, StringComparer.Ordinal);
            var errors = await writes.AddToCollectionsAsync(productId, added, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return ShopifyWriteResult.Failure(errors);
            }
        }

        return ShopifyWriteResult.Success(proposed with
        {
            ShopifyProductId = productId,
            ShopifyVariantId = current.ShopifyVariantId,
            ShopifyInventoryItemId = current.ShopifyInventoryItemId,
        });
    }
}

using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The lines of a bulk update's stages (<see cref="ShopifyBulkStage"/>): a pure function of the updates (and of the
/// errors so far), so the start of a stage and the read of its results, in different calls, agree on line numbers.
/// </summary>
internal static class ShopifyBulkUpdateLines
{
    /// <summary>A stage's lines, in the updates' order: line n is the n-th update that names a field of the stage and has no error yet.</summary>
    public static List<(int Index, object Variables)> Of(IReadOnlyList<ShopifyUpdate> updates, ShopifyBulkStage stage, List<ShopifyUserError>[] errors)
    {
        var lines = new List<(int Index, object Variables)>();
        for (var index = 0; index < updates.Count; index++)
        {
            var update = updates[index];
            var fields = update.Fields.ToHashSet(StringComparer.Ordinal);
            if (stage == ShopifyBulkStage.Variants && fields.Overlaps(ShopifyPushInputs.VariantLevelFields))
            {
                var variant = ShopifyPushInputs.Variant(update.Proposed, fields, update.Current.ShopifyVariantId!, withSku: false)!;
                lines.Add((index, new { productId = update.Current.ShopifyProductId, variants = new[] { variant } }));
            }
            else if (stage == ShopifyBulkStage.Products && errors[index].Count == 0 && fields.Overlaps(ShopifyPushInputs.ProductLevelFields))
            {
                lines.Add((index, new { product = ShopifyPushInputs.Product(update.Proposed, fields, update.Current.ShopifyProductId) }));
            }
        }

        return lines;
    }

    /// <summary>Refuses updates a bulk mutation cannot write, before any operation starts, so a bad update cannot stop a push between the stages.</summary>
    public static void Check(IReadOnlyList<ShopifyUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var refused = updates.Select((update, index) => (update, index)).Where(pair => !pair.update.IsBulkWritable).Select(pair => pair.index).ToList();
        if (refused.Count > 0)
        {
            throw new ArgumentException($"Updates {string.Join(", ", refused)} name fields a bulk mutation does not write; send them to UpdateAsync.", nameof(updates));
        }

        var missing = updates.Select((update, index) => (update, index))
            .Where(pair => pair.update.Current.ShopifyProductId is null
                || (pair.update.Current.ShopifyVariantId is null && pair.update.Fields.Any(ShopifyPushInputs.VariantLevelFields.Contains)))
            .Select(pair => pair.index).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Updates {string.Join(", ", missing)} have no Shopify product or variant id in their current product.", nameof(updates));
        }
    }
}

using System.Globalization;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Decides how to push one change, given the store as re-read just before the write (docs/DOMAIN.md "Pushing safely"). A
/// field is written only while the store still holds its staged before-image; a field already at the proposed value
/// counts as written, which makes a repeated push harmless; any other value is a conflict, and nothing is written.
/// </summary>
/// <remarks>
/// Stock is left to Shopify's compare-and-set (<c>changeFromQuantity</c> = the staged before-image), which also
/// closes the window between this read and the write; the other fields have no such protection in Shopify.
/// </remarks>
public sealed class PushPlanner(ConflictDetector detector)
{
    private static readonly HashSet<string> StoreIdFields = new(StringComparer.Ordinal)
    {
        ProductFields.ShopifyProductId.Name, ProductFields.ShopifyVariantId.Name, ProductFields.ShopifyInventoryItemId.Name,
    };

    /// <summary>Decides for a change.</summary>
    /// <param name="change">The change, approved.</param>
    /// <param name="store">The store's product: by id for an update, by SKU for a create; <see langword="null"/> when absent.</param>
    /// <returns>The decision.</returns>
    public PushDecision Decide(StagedChange change, StoreProduct? store)
    {
        ArgumentNullException.ThrowIfNull(change);
        var proposed = change.ProposedData;
        if (change.ChangeType == ChangeType.Delete || proposed is null)
        {
            return new PushDecision.Refuse("Deleting products in Shopify is not part of the push; archive the product instead.");
        }

        var fields = change.FieldChanges.Select(f => f.Field).Where(name => !StoreIdFields.Contains(name)).ToList();
        if (change.ChangeType == ChangeType.Create || change.CurrentData?.ShopifyProductId is null)
        {
            return DecideCreate(change, proposed, fields, store);
        }

        if (store is null)
        {
            return new PushDecision.Refuse($"The product '{change.Sku}' is no longer in the store.");
        }

        var before = change.CurrentData;
        var byName = ProductFields.All.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var checkedFields = fields.Where(name => name != ProductFields.InventoryQuantity.Name).Select(name => byName[name]).ToList();
        var conflicts = detector.Detect(before, proposed, store.Product, checkedFields);
        if (conflicts.Count > 0)
        {
            return new PushDecision.Conflict(conflicts, Describe(change.Sku, conflicts, store.UpdatedAt));
        }

        var pending = fields.Where(name => !byName[name].HasSameValue(store.Product, proposed)).ToList();
        if (pending.Count == 0)
        {
            return new PushDecision.AlreadyApplied(store);
        }

        // The ids are the store's; stock's expected quantity is the staged one, for the compare-and-set.
        var target = ChangeWriter.Target(change, store.Product);
        var current = store.Product with { InventoryQuantity = before.InventoryQuantity, ShopifyInventoryItemId = target.ShopifyInventoryItemId };
        return new PushDecision.Write(new ShopifyUpdate(current, target, pending, IdempotencyKeyOf(change)));
    }

    /// <summary>The idempotency key of a change's writes: the same change always gives the same key.</summary>
    /// <param name="change">The change.</param>
    /// <returns>A UUID-shaped key derived from the change id.</returns>
    public static string IdempotencyKeyOf(StagedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Guid.ParseExact(change.ChangeId, "N").ToString("D", CultureInfo.InvariantCulture);
    }

    private static PushDecision DecideCreate(StagedChange change, Product proposed, IReadOnlyList<string> fields, StoreProduct? store)
    {
        if (store is null)
        {
            return new PushDecision.Write(null);
        }

        // A product with the SKU exists: either an earlier attempt of this create got through, or someone else made it.
        var differing = ProductFields.All.Where(f => fields.Contains(f.Name) && f != ProductFields.InventoryQuantity && !f.HasSameValue(store.Product, proposed)).ToList();
        if (differing.Count == 0)
        {
            return new PushDecision.AlreadyApplied(store);
        }

        var conflicts = differing
            .Select(f => new FieldConflict(change.Sku, f.Name, f.ValueOf(null), f.ValueOf(proposed), f.ValueOf(store.Product), null, null,
                AutoResolution.Manual("The store already has a product with this SKU.")))
            .ToList();
        return new PushDecision.Conflict(conflicts, $"The store already has a product with SKU '{change.Sku}' ({store.Product.ShopifyProductId}) that differs in {string.Join(", ", differing)}.");
    }

    private static string Describe(Sku sku, IReadOnlyList<FieldConflict> conflicts, DateTimeOffset updatedAt)
        => string.Create(CultureInfo.InvariantCulture,
            $"Shopify changed '{sku}' since staging (updated {updatedAt:u}): {string.Join("; ", conflicts.Select(c => $"{c.Field} was {c.BaseValue.GetRawText()}, now {c.ShopifyValue.GetRawText()}"))}.");
}

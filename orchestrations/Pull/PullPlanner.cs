using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Pull;

/// <summary>
/// Decides what a pulled store product changes locally: the local catalog (the products as last synced) takes the
/// store's values of the fields Shopify changed, and every open change (pending or approved) whose proposal Shopify
/// contradicts gets its conflicts, three-way against what it was staged on.
/// </summary>
/// <remarks>
/// Pure. A store product older than the local catalog's last value from Shopify (an out-of-order read) changes
/// nothing, so an older state never overwrites a newer one.
/// </remarks>
public sealed class PullPlanner(ConflictDetector detector)
{
    /// <summary>The fields a store read carries: metafields other than the part number are not read, so they are never taken from it.</summary>
    public static IReadOnlyList<ProductField> PulledFields { get; } = [.. ProductFields.All.Where(field => field != ProductFields.Metafields)];

    /// <summary>The reviewer named on conflicts the rules settled.</summary>
    public const string ConflictRules = "conflict-rules";

    /// <summary>Plans one store product.</summary>
    /// <param name="store">The product as the store has it, with its <c>updatedAt</c>.</param>
    /// <param name="local">The local product, or <see langword="null"/> when the catalog does not have it.</param>
    /// <param name="open">The product's changes still waiting to be pushed (pending or approved).</param>
    /// <returns>The plan.</returns>
    public PulledProduct Plan(StoreProduct store, Product? local, IReadOnlyList<StagedChange> open)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(open);
        var shopify = store.Product;
        var conflicts = ConflictsOf(shopify, open);
        var provenance = new FieldProvenance(SourceSystem.Shopify, store.UpdatedAt);
        if (local is null)
        {
            var names = PulledFields.Select(field => field.Name).ToList();
            return new PulledProduct(shopify.Sku, shopify.WithFieldSources(names, provenance), IsNew: true, names, conflicts);
        }

        var changed = PulledFields.Where(field => !field.HasSameValue(local, shopify)).ToList();
        if (changed.Count == 0 || IsOlderThanLocal(store, local))
        {
            return new PulledProduct(shopify.Sku, null, IsNew: false, [], conflicts);
        }

        var updated = changed.Aggregate(local, (product, field) => field.CopyValue(shopify, product));
        var changedNames = changed.Select(field => field.Name).ToList();
        return new PulledProduct(shopify.Sku, updated.WithFieldSources(changedNames, provenance), IsNew: false, changedNames, conflicts);
    }

    /// <summary>The fields a deletion in the store clears: the product's Shopify ids and its collections.</summary>
    public static IReadOnlyList<ProductField> DeletedFields { get; } =
        [ProductFields.ShopifyProductId, ProductFields.ShopifyVariantId, ProductFields.ShopifyInventoryItemId, ProductFields.Collections];

    /// <summary>
    /// Plans a product's deletion from the store: the local product stays, with its history, but no longer names the
    /// deleted store product or its collections, so a later import proposes creating it again.
    /// </summary>
    /// <param name="local">The local product.</param>
    /// <param name="shopifyProductId">The deleted store product's GID.</param>
    /// <param name="deletedAt">When the store deleted it.</param>
    /// <returns>The detached product, or <see langword="null"/> when the local product names another store product
    /// (detached already, or created again since).</returns>
    public static Product? PlanDeletion(Product local, string shopifyProductId, DateTimeOffset deletedAt)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (local.ShopifyProductId != shopifyProductId)
        {
            return null;
        }

        var detached = local with { ShopifyProductId = null, ShopifyVariantId = null, ShopifyInventoryItemId = null, Collections = [] };
        return detached.WithFieldSources(DeletedFields.Select(field => field.Name), new FieldProvenance(SourceSystem.Shopify, deletedAt));
    }

    /// <summary>
    /// Gives an open change the conflicts a pull found and settles each the conflict rules can
    /// (<see cref="AutoResolution.IsResolved"/>), as <see cref="StagedChange.Resolve"/> would for a person; the others stay for one.
    /// </summary>
    /// <param name="change">The open change, as stored now.</param>
    /// <param name="conflicts">Its conflicts with the store.</param>
    /// <param name="now">When.</param>
    /// <returns>The change with its open conflicts; refused once it is no longer open.</returns>
    public static StagedChangeTransition FlagAndSettle(StagedChange change, IReadOnlyList<FieldConflict> conflicts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(conflicts);
        var moved = change.FlagConflicts(conflicts);
        foreach (var conflict in conflicts.Where(conflict => conflict.Suggestion.IsResolved))
        {
            var value = conflict.Suggestion.Choice == ResolutionChoice.UseLocal ? conflict.LocalValue : conflict.ShopifyValue;
            if (moved.Change?.Resolve(conflict.Field, value, new ReviewInfo(ConflictRules, now, conflict.Suggestion.Reason), byPerson: false) is { Change: not null } settled)
            {
                moved = settled;
            }
        }

        return moved;
    }

    private static bool IsOlderThanLocal(StoreProduct store, Product local)
        => local.FieldSources.Values.Any(source => source.Source == SourceSystem.Shopify && source.ChangedAt > store.UpdatedAt);

    // A change's base is what it was staged on; its fields conflict where Shopify moved off that base to another value than the proposal.
    private Dictionary<string, IReadOnlyList<FieldConflict>> ConflictsOf(Product shopify, IReadOnlyList<StagedChange> open)
    {
        var conflicts = new Dictionary<string, IReadOnlyList<FieldConflict>>(StringComparer.Ordinal);
        foreach (var change in open.Where(change => change.ProposedData is not null))
        {
            var fields = PulledFields.Where(field => change.FieldChanges.Any(fieldChange => fieldChange.Field == field.Name));
            var found = detector.Detect(change.CurrentData, change.ProposedData!, shopify, fields);
            // A change flagged by an earlier pull whose conflicts the store has since undone is cleared.
            if (found.Count > 0 || change.HasConflicts)
            {
                conflicts[change.ChangeId] = found;
            }
        }

        return conflicts;
    }
}

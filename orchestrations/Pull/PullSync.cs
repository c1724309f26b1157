using System.Collections.Concurrent;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Pull;

/// <summary>
/// Syncs a batch of store products into the local catalog (<see cref="PullPlanner"/>): each local product that takes
/// the store's values gets a version (source Shopify, direction <c>pull_from_shopify</c>) and is saved with it, and
/// each open change Shopify contradicts gets its conflicts, those the conflict rules can settle settled; and every
/// product's collection memberships are recorded. A product the store deleted is detached (<see cref="DeleteAsync"/>).
/// </summary>
/// <remarks>
/// Idempotent: the version's change id is derived from the run and the product, so a repeated batch records it once;
/// a product already saved with the store's values plans nothing; flagging and settling the same conflicts again finds them settled (the change no longer proposes them).
/// </remarks>
public sealed class PullSync(PullPlanner planner, IProductStore products, IProductVersionStore versions, IOpenChanges openChanges, IStagedChangeStore staged, ICollectionAssociations collections, TimeProvider timeProvider)
{
    /// <summary>How many products are read and written at once.</summary>
    public const int ParallelProducts = 8;

    /// <summary>Syncs the products.</summary>
    /// <param name="runId">The pull run.</param>
    /// <param name="pulled">The store products; of one SKU read twice, the later <c>updatedAt</c> counts.</param>
    /// <param name="actor">Who started the pull; versions name them.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The batch's counters (<see cref="PullCounters"/>).</returns>
    public async Task<IReadOnlyDictionary<string, long>> ApplyAsync(string runId, IReadOnlyList<StoreProduct> pulled, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulled);
        var latest = pulled.GroupBy(store => store.Product.Sku.Normalized, StringComparer.Ordinal)
            .Select(group => group.MaxBy(store => store.UpdatedAt)!)
            .ToList();
        var open = await openChanges.FindAsync([.. latest.Select(store => store.Product.Sku)], cancellationToken);
        var plans = new ConcurrentBag<PulledProduct>();
        var memberships = new ConcurrentBag<(Product Product, IReadOnlyList<string> Before)>();
        await Parallel.ForEachAsync(latest, new ParallelOptions { MaxDegreeOfParallelism = ParallelProducts, CancellationToken = cancellationToken }, async (store, token) =>
        {
            var sku = store.Product.Sku;
            var local = await products.GetAsync(sku, token);
            var plan = planner.Plan(store, local, open.GetValueOrDefault(sku.Normalized) ?? []);
            // A read older than the local product leaves the local memberships standing.
            memberships.Add((plan.Local ?? local ?? store.Product, local?.Collections ?? []));
            if (plan.Local is { } product)
            {
                await KeepAsync(runId, product, actor, token);
            }

            foreach (var (changeId, conflicts) in plan.Conflicts)
            {
                await staged.TryTransitionAsync(changeId, change => PullPlanner.FlagAndSettle(change, conflicts, timeProvider.GetUtcNow()), token);
            }

            plans.Add(plan);
        });
        var associations = await collections.RecordAsync([.. memberships], cancellationToken);
        return PullCounters.Of(plans, associations);
    }

    /// <summary>
    /// Detaches the local product of a store product the store deleted (<see cref="PullPlanner.PlanDeletion"/>): a
    /// version records it, and the product leaves its collections.
    /// </summary>
    /// <param name="runId">The sync's run, which names the version's change.</param>
    /// <param name="shopifyProductId">The deleted store product's GID.</param>
    /// <param name="deletedAt">When the store deleted it.</param>
    /// <param name="actor">Who the version names.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>The product detached, or <see langword="null"/> when no local product names the store product.</returns>
    public async Task<Sku?> DeleteAsync(string runId, string shopifyProductId, DateTimeOffset deletedAt, string actor, CancellationToken cancellationToken)
    {
        if (await products.FindByShopifyIdAsync(shopifyProductId, cancellationToken) is not { } sku
            || await products.GetAsync(sku, cancellationToken) is not { } local
            || PullPlanner.PlanDeletion(local, shopifyProductId, deletedAt) is not { } detached)
        {
            return null;
        }

        await KeepAsync(runId, detached, actor, cancellationToken);
        await collections.RecordAsync([(detached, local.Collections)], cancellationToken);
        return sku;
    }

    // Versions the product and saves it as synced at that version; a repeat finds the version recorded.
    private async Task KeepAsync(string runId, Product product, string actor, CancellationToken cancellationToken)
    {
        var version = await versions.RecordAsync(
            product, StagedChangeId.For(runId, product.Sku, ChangeDirection.PullFromShopify), SourceSystem.Shopify, ChangeDirection.PullFromShopify, actor, cancellationToken);
        await products.SaveAsync(product with { LastSyncedVersion = version.Number, LastSyncedHash = version.Hash }, cancellationToken);
    }
}

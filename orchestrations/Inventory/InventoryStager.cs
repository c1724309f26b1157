using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>
/// The pure heart of an inventory batch: each local product in the store whose stock differs from Xorosoft's gets a
/// stock change (direction <c>xorosoft_inventory</c>, only <c>inventory_quantity</c>), which the rules decide; and each
/// product Xorosoft gives stock for is out of stock (at or below the threshold) or in stock, for the alerts.
/// </summary>
/// <param name="rules">The approval rules.</param>
/// <param name="outOfStockThreshold">Stock at or below which a product is out of stock.</param>
public sealed class InventoryStager(ApprovalRuleEngine rules, int outOfStockThreshold)
{
    /// <summary>Stages a batch.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="products">The batch's local products.</param>
    /// <param name="stock">Xorosoft's stock, by normalized SKU; a product it lacks is left as it is.</param>
    /// <param name="now">The staging time.</param>
    /// <returns>The changes, the batch's counters and its products out of stock and in stock.</returns>
    public InventoryBatchOutcome Stage(
        string runId, IReadOnlyList<Product> products, IReadOnlyDictionary<string, int> stock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(stock);
        var counters = InventoryCounters.None();
        var changes = new List<StagedChange>();
        var outOfStock = new List<(Sku, int)>();
        var inStock = new List<Sku>();
        foreach (var product in products)
        {
            counters[InventoryCounters.ProductsChecked]++;
            if (!stock.TryGetValue(product.Sku.Normalized, out var quantity))
            {
                counters[InventoryCounters.UnknownInXorosoft]++;
                continue;
            }

            if (quantity <= outOfStockThreshold)
            {
                outOfStock.Add((product.Sku, quantity));
            }
            else
            {
                inStock.Add(product.Sku);
            }

            // Only a product the store holds has stock to set; one not created yet gets its stock with its creation.
            var diff = ProductDiff.Between(product, product with { InventoryQuantity = quantity }, ChangeDirection.XorosoftInventory);
            if (product.ShopifyInventoryItemId is null || diff.IsEmpty)
            {
                continue;
            }

            var change = StagedChange.Stage(runId, diff, now);
            var decided = change.Decide(rules.Evaluate(change)).Change!;
            counters[InventoryCounters.InventoryUpdates]++;
            counters[decided.Status == ChangeStatus.Approved ? InventoryCounters.AutoApproved : InventoryCounters.PendingReview]++;
            changes.Add(decided);
        }

        return new InventoryBatchOutcome(changes, counters, outOfStock, inStock);
    }
}

/// <summary>What an inventory batch found.</summary>
/// <param name="Changes">The stock changes, decided by the rules.</param>
/// <param name="Counters">The batch's counters (<see cref="InventoryCounters"/>; the alerts are counted once opened).</param>
/// <param name="OutOfStock">Products whose Xorosoft stock is at or below the threshold, with it.</param>
/// <param name="InStock">Products whose Xorosoft stock is above it.</param>
public sealed record InventoryBatchOutcome(
    IReadOnlyList<StagedChange> Changes, Dictionary<string, long> Counters, IReadOnlyList<(Sku Sku, int Quantity)> OutOfStock, IReadOnlyList<Sku> InStock);

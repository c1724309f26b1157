using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Inventory;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Inventory;

public sealed class InventoryStagerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly InventoryStager _sut = new(new ApprovalRuleEngine(DefaultApprovalRules.Create()), outOfStockThreshold: 0);

    [Fact]
    public void Stage_StockRaised_OneApprovedStockOnlyChangeFromXorosoft()
    {
        var product = new ProductBuilder().WithSku("A-1").Build();

        var (changes, counters, outOfStock, inStock) = _sut.Stage("inventory-1", [product], new Dictionary<string, int> { ["A-1"] = 120 }, Now);

        var change = Assert.Single(changes);
        Assert.Equal(ChangeDirection.XorosoftInventory, change.Direction);
        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Equal(["inventory_quantity"], change.FieldChanges.Select(field => field.Field));
        Assert.Equal(120, change.ProposedData!.InventoryQuantity);
        Assert.Equal(StagedChangeId.For("inventory-1", product.Sku, ChangeDirection.XorosoftInventory), change.ChangeId);
        Assert.Equal((1, 1, 1, 0), (counters[InventoryCounters.ProductsChecked], counters[InventoryCounters.InventoryUpdates], counters[InventoryCounters.AutoApproved], counters[InventoryCounters.PendingReview]));
        Assert.Empty(outOfStock);
        Assert.Equal([product.Sku], inStock);
    }

    [Fact]
    public void Stage_StockToZero_WaitsForAPersonAndBothProductsAtZeroAreOutOfStock()
    {
        var emptied = new ProductBuilder().WithSku("A-1").Build();
        var alreadyOut = new ProductBuilder().WithSku("A-2").With(p => p with { InventoryQuantity = 0 }).Build();

        var (changes, counters, outOfStock, inStock) = _sut.Stage("inventory-1", [emptied, alreadyOut], new Dictionary<string, int> { ["A-1"] = 0, ["A-2"] = 0 }, Now);

        Assert.Equal(emptied.Sku, Assert.Single(changes).Sku);
        Assert.Equal(ChangeStatus.Pending, changes[0].Status);
        Assert.Equal(1, counters[InventoryCounters.PendingReview]);
        Assert.Equal([(emptied.Sku, 0), (alreadyOut.Sku, 0)], outOfStock);
        Assert.Empty(inStock);
    }

    [Fact]
    public void Stage_UnknownToXorosoftOrNotInTheStore_LeftAsTheyAre()
    {
        var unknown = new ProductBuilder().WithSku("A-1").Build();
        var notInStore = new ProductBuilder().WithSku("A-2").With(p => p with { ShopifyInventoryItemId = null }).Build();
        var same = new ProductBuilder().WithSku("A-3").Build();

        var (changes, counters, _, inStock) = _sut.Stage("inventory-1", [unknown, notInStore, same], new Dictionary<string, int> { ["A-2"] = 5, ["A-3"] = 100 }, Now);

        Assert.Empty(changes);
        Assert.Equal(3, counters[InventoryCounters.ProductsChecked]);
        Assert.Equal(1, counters[InventoryCounters.UnknownInXorosoft]);
        Assert.Equal(0, counters[InventoryCounters.InventoryUpdates]);
        Assert.Equal([notInStore.Sku, same.Sku], inStock);
    }
}

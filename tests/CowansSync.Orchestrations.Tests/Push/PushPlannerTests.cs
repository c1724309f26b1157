using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Push;

public sealed class PushPlannerTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 1, 16, 0, 0, 0, TimeSpan.Zero);
    private readonly PushPlanner _sut = new(new ConflictDetector(new ConflictAutoResolver()));

    [Fact]
    public void Decide_StoreStillAsStaged_WritesTheChangedFieldsWithTheStagedStock()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m).WithInventory(80)).Build();

        var decision = _sut.Decide(change, Store(change.CurrentData!));

        var write = Assert.IsType<PushDecision.Write>(decision);
        Assert.Equal(["price", "inventory_quantity"], write.Update!.Fields);
        Assert.Equal(100, write.Update.Current.InventoryQuantity);
        Assert.Equal(31.99m, write.Update.Proposed.Price);
        Assert.Equal(PushPlanner.IdempotencyKeyOf(change), write.Update.IdempotencyKey);
    }

    [Fact]
    public void Decide_MerchantChangedAPushedField_ConflictNamingItAndWritesNothing()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m)).Build();
        var edited = change.CurrentData! with { Price = 27.50m };

        var decision = _sut.Decide(change, Store(edited));

        var conflict = Assert.IsType<PushDecision.Conflict>(decision);
        var field = Assert.Single(conflict.Conflicts);
        Assert.Equal("price", field.Field);
        Assert.Equal(27.50m, field.ShopifyValue.GetDecimal());
        Assert.Contains("price was 29.99, now 27.5", conflict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_MerchantChangedAnotherField_WritesOnlyTheChangedFields()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m)).Build();
        var edited = change.CurrentData! with { Title = "Renamed by the merchant" };

        var write = Assert.IsType<PushDecision.Write>(_sut.Decide(change, Store(edited)));

        Assert.Equal(["price"], write.Update!.Fields);
    }

    [Fact]
    public void Decide_ReReadWithoutTheInventoryItem_KeepsTheStagedInventoryItemId()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m)).Build();
        var priceOnly = change.CurrentData! with { ShopifyInventoryItemId = null, Cost = null, Images = [], Collections = [] };

        var write = Assert.IsType<PushDecision.Write>(_sut.Decide(change, Store(priceOnly)));

        Assert.Equal(["price"], write.Update!.Fields);
        Assert.NotNull(change.CurrentData!.ShopifyInventoryItemId);
        Assert.Equal(change.CurrentData.ShopifyInventoryItemId, write.Update.Current.ShopifyInventoryItemId);
        Assert.Equal(change.CurrentData.ShopifyInventoryItemId, write.Update.Proposed.ShopifyInventoryItemId);
        Assert.Equal(change.CurrentData.ShopifyVariantId, write.Update.Proposed.ShopifyVariantId);
    }

    [Fact]
    public void Decide_StoreMovedStockOnly_LeavesItToCompareAndSet()
    {
        var change = new StagedChangeBuilder().WithInventoryChange(100, 40).Build();
        var edited = change.CurrentData! with { InventoryQuantity = 95 };

        var write = Assert.IsType<PushDecision.Write>(_sut.Decide(change, Store(edited)));

        Assert.Equal(["inventory_quantity"], write.Update!.Fields);
        Assert.Equal(100, write.Update.Current.InventoryQuantity);
    }

    [Fact]
    public void Decide_StoreAlreadyHoldsTheProposal_AlreadyApplied()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m).WithInventory(80)).Build();

        var decision = _sut.Decide(change, Store(change.ProposedData!));

        Assert.IsType<PushDecision.AlreadyApplied>(decision);
    }

    [Fact]
    public void Decide_ProductGoneFromTheStore_Refused()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m)).Build();

        var refuse = Assert.IsType<PushDecision.Refuse>(_sut.Decide(change, null));

        Assert.Contains("no longer in the store", refuse.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CreateWithNoStoreProduct_WritesACreate()
    {
        var product = new ProductBuilder().With(p => p with { ShopifyProductId = null, ShopifyVariantId = null, ShopifyInventoryItemId = null }).Build();
        var change = new StagedChangeBuilder().Creating(product).Build();

        var write = Assert.IsType<PushDecision.Write>(_sut.Decide(change, null));

        Assert.Null(write.Update);
    }

    [Fact]
    public void Decide_CreateFoundAsProposed_AlreadyAppliedByAnEarlierAttempt()
    {
        var product = new ProductBuilder().With(p => p with { ShopifyProductId = null }).Build();
        var change = new StagedChangeBuilder().Creating(product).Build();

        var decision = _sut.Decide(change, Store(product with { ShopifyProductId = "gid://shopify/Product/9" }));

        var already = Assert.IsType<PushDecision.AlreadyApplied>(decision);
        Assert.Equal("gid://shopify/Product/9", already.Product.Product.ShopifyProductId);
    }

    [Fact]
    public void Decide_CreateWhereSomeoneElseMadeTheSku_Conflict()
    {
        var product = new ProductBuilder().With(p => p with { ShopifyProductId = null }).Build();
        var change = new StagedChangeBuilder().Creating(product).Build();

        var decision = _sut.Decide(change, Store(product with { Title = "Someone else's", ShopifyProductId = "gid://shopify/Product/9" }));

        var conflict = Assert.IsType<PushDecision.Conflict>(decision);
        Assert.Equal("title", Assert.Single(conflict.Conflicts).Field);
    }

    [Fact]
    public void Decide_Delete_Refused()
    {
        var change = new StagedChangeBuilder().Deleting(new ProductBuilder().Build()).Build();

        Assert.IsType<PushDecision.Refuse>(_sut.Decide(change, Store(new ProductBuilder().Build())));
    }

    [Fact]
    public void IdempotencyKeyOf_SameChange_SameUuid()
    {
        var change = new StagedChangeBuilder().Updating(p => p.WithPrice(31.99m)).Build();

        var key = PushPlanner.IdempotencyKeyOf(change);

        Assert.Equal(key, PushPlanner.IdempotencyKeyOf(change with { Status = ChangeStatus.Applying }));
        Assert.True(Guid.TryParseExact(key, "D", out _));
    }

    private static StoreProduct Store(Product product) => new(product, UpdatedAt);
}

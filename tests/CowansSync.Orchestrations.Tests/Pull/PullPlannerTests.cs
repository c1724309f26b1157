using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Pull;

public sealed class PullPlannerTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly PullPlanner _sut = new(new ConflictDetector(new ConflictAutoResolver()));

    [Fact]
    public void Plan_ProductTheCatalogLacks_IsNewWithShopifyAsTheSourceOfEveryField()
    {
        var store = new ProductBuilder().Build();

        var plan = _sut.Plan(new StoreProduct(store, UpdatedAt), null, []);

        Assert.True(plan.IsNew);
        Assert.Equal(store.Price, plan.Local!.Price);
        Assert.Equal(new FieldProvenance(SourceSystem.Shopify, UpdatedAt), plan.Local.FieldSources[ProductFields.Title.Name]);
        Assert.Equal(PullPlanner.PulledFields.Count, plan.ChangedFields.Count);
    }

    [Fact]
    public void Plan_ShopifyChangedThePrice_TakesItAndKeepsWhatTheStoreReadDoesNotCarry()
    {
        var local = new ProductBuilder().WithPrice(29.99m).Build();
        var store = new ProductBuilder().WithPrice(27.50m).With(p => p with { Metafields = new Dictionary<string, string>() }).Build();

        var plan = _sut.Plan(new StoreProduct(store, UpdatedAt), local, []);

        Assert.False(plan.IsNew);
        Assert.Equal(["price"], plan.ChangedFields);
        Assert.Equal(27.50m, plan.Local!.Price);
        Assert.Equal(local.Metafields, plan.Local.Metafields);
        Assert.Equal(SourceSystem.Shopify, plan.Local.FieldSources["price"].Source);
    }

    [Fact]
    public void PlanDeletion_TheLocalProductNamesTheDeletedOne_DetachesItAndKeepsItsContent()
    {
        var local = new ProductBuilder().With(p => p with { ShopifyProductId = "gid://shopify/Product/7", ShopifyVariantId = "gid://shopify/ProductVariant/8", Collections = ["pens"] }).Build();

        var detached = PullPlanner.PlanDeletion(local, "gid://shopify/Product/7", UpdatedAt);

        Assert.NotNull(detached);
        Assert.Null(detached.ShopifyProductId);
        Assert.Null(detached.ShopifyVariantId);
        Assert.Empty(detached.Collections);
        Assert.Equal(local.Title, detached.Title);
        Assert.Equal(local.Price, detached.Price);
        Assert.Equal(new FieldProvenance(SourceSystem.Shopify, UpdatedAt), detached.FieldSources[ProductFields.ShopifyProductId.Name]);
    }

    [Fact]
    public void PlanDeletion_TheLocalProductNamesAnotherStoreProduct_ChangesNothing()
    {
        // Created again under a new id after the deletion: the late delete must not detach the new one.
        var local = new ProductBuilder().With(p => p with { ShopifyProductId = "gid://shopify/Product/9" }).Build();

        Assert.Null(PullPlanner.PlanDeletion(local, "gid://shopify/Product/7", UpdatedAt));
        Assert.Null(PullPlanner.PlanDeletion(local with { ShopifyProductId = null }, "gid://shopify/Product/7", UpdatedAt));
    }

    [Fact]
    public void Plan_StoreHoldsTheLocalValues_ChangesNothing()
    {
        var product = new ProductBuilder().Build();

        var plan = _sut.Plan(new StoreProduct(product, UpdatedAt), product, []);

        Assert.Null(plan.Local);
        Assert.Empty(plan.ChangedFields);
    }

    [Fact]
    public void Plan_ReadOlderThanTheLocalValueFromShopify_ChangesNothing()
    {
        // The local price came from a Shopify state of 10:05; a read of 10:00 arriving late must not undo it.
        var local = new ProductBuilder().WithPrice(25m).Build().WithFieldSources(["price"], new FieldProvenance(SourceSystem.Shopify, UpdatedAt.AddMinutes(5)));
        var store = new ProductBuilder().WithPrice(29.99m).Build();

        var plan = _sut.Plan(new StoreProduct(store, UpdatedAt), local, []);

        Assert.Null(plan.Local);
    }

    [Fact]
    public void Plan_OpenChangeProposesAPriceShopifyMovedAwayFrom_FlagsTheConflictThreeWay()
    {
        var open = new StagedChangeBuilder().WithPriceChange(from: 29.99m, to: 34.99m).Build();
        var store = new ProductBuilder().WithPrice(31.00m).Build();

        var plan = _sut.Plan(new StoreProduct(store, UpdatedAt), open.CurrentData, [open]);

        var conflict = Assert.Single(plan.Conflicts[open.ChangeId]);
        Assert.Equal("price", conflict.Field);
        Assert.Equal(29.99m, conflict.BaseValue.GetDecimal());
        Assert.Equal(34.99m, conflict.LocalValue.GetDecimal());
        Assert.Equal(31.00m, conflict.ShopifyValue.GetDecimal());
        Assert.False(conflict.Suggestion.IsResolved);
    }

    [Fact]
    public void Plan_ShopifyAlreadyHoldsTheProposedValue_IsNoConflict()
    {
        var open = new StagedChangeBuilder().WithPriceChange(from: 29.99m, to: 34.99m).Build();
        var store = new ProductBuilder().WithPrice(34.99m).Build();

        var plan = _sut.Plan(new StoreProduct(store, UpdatedAt), open.CurrentData, [open]);

        Assert.Empty(plan.Conflicts);
        Assert.Equal(34.99m, plan.Local!.Price);
    }

    [Fact]
    public void FlagAndSettle_PriceWithinFivePercent_TheRulesKeepShopifysPriceAndRejectTheEmptyChange()
    {
        var open = new StagedChangeBuilder().WithPriceChange(from: 29.99m, to: 34.99m).Build();
        var plan = _sut.Plan(new StoreProduct(new ProductBuilder().WithPrice(34.00m).Build(), UpdatedAt), open.CurrentData, [open]);

        var moved = PullPlanner.FlagAndSettle(open, plan.Conflicts[open.ChangeId], UpdatedAt);

        Assert.Equal(ChangeStatus.Rejected, moved.Change!.Status);
        Assert.Empty(moved.Change.Conflicts);
        Assert.Equal(PullPlanner.ConflictRules, moved.Change.Review!.Reviewer);
        Assert.Equal(1, PullCounters.Of([plan])[PullCounters.AutoApproved]);
    }

    [Fact]
    public void Plan_StoreUndidAConflictAnEarlierPullFlagged_ClearsIt()
    {
        var open = new StagedChangeBuilder().WithPriceChange(from: 29.99m, to: 34.99m).Build();
        var flagged = PullPlanner.FlagAndSettle(open, _sut.Plan(new StoreProduct(new ProductBuilder().WithPrice(40m).Build(), UpdatedAt), open.CurrentData, [open]).Conflicts[open.ChangeId], UpdatedAt).Change!;

        var plan = _sut.Plan(new StoreProduct(new ProductBuilder().WithPrice(29.99m).Build(), UpdatedAt), open.CurrentData, [flagged]);

        Assert.True(flagged.HasConflicts);
        Assert.Empty(plan.Conflicts[open.ChangeId]);
    }

    [Fact]
    public void FlagConflicts_AppliedChange_IsRefused()
    {
        var applied = new StagedChangeBuilder().WithPriceChange(29.99m, 34.99m).Build() with { Status = ChangeStatus.Applied };

        var moved = applied.FlagConflicts([]);

        Assert.Null(moved.Change);
        Assert.Contains("pending or approved", moved.Refusal, StringComparison.Ordinal);
    }
}

using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Push;

public sealed class RollbackPlanTests
{
    private static readonly ReviewInfo Review = new("approver-1", StagedChangeBuilder.StagedAt.AddDays(1), "wrong price");

    [Fact]
    public void For_AppliedUpdate_StagesTheBeforeImageApproved()
    {
        var applied = Applied(new StagedChangeBuilder().WithPriceChange(29.99m, 35.00m).Build());

        var rollback = RollbackPlan.For(applied, "rollback-x", Review);

        Assert.True(rollback.Succeeded);
        var change = rollback.Change!;
        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Equal(ChangeDirection.Rollback, change.Direction);
        Assert.Equal(applied.ChangeId, change.RollsBack);
        Assert.Equal(35.00m, change.CurrentData!.Price);
        Assert.Equal(29.99m, change.ProposedData!.Price);
        Assert.Equal("price", Assert.Single(change.FieldChanges).Field);
        Assert.Equal("approver-1", change.Review!.Reviewer);
    }

    [Fact]
    public void For_AppliedCreate_ArchivesTheProduct()
    {
        var product = new ProductBuilder().WithStatus(ProductStatus.Draft).Build();
        var applied = Applied(new StagedChangeBuilder().Creating(product).Build());

        var change = RollbackPlan.For(applied, "rollback-x", Review).Change!;

        Assert.Equal(ProductStatus.Archived, change.ProposedData!.Status);
        Assert.Equal("status", Assert.Single(change.FieldChanges).Field);
    }

    [Fact]
    public void For_NotApplied_RefusedSayingWhy()
    {
        var pending = new StagedChangeBuilder().WithPriceChange(29.99m, 35.00m).Build();

        var rollback = RollbackPlan.For(pending, "rollback-x", Review);

        Assert.False(rollback.Succeeded);
        Assert.Equal("Only applied changes can be rolled back; this change is pending.", rollback.Refusal);
    }

    [Fact]
    public void For_SameChangeAndRun_SameId()
    {
        var applied = Applied(new StagedChangeBuilder().WithPriceChange(29.99m, 35.00m).Build());

        Assert.Equal(RollbackPlan.For(applied, "rollback-x", Review).Change!.ChangeId, RollbackPlan.For(applied, "rollback-x", Review).Change!.ChangeId);
    }

    private static StagedChange Applied(StagedChange change)
        => change.Approve(Review).Change!.StartApplying().Change!.MarkApplied(StagedChangeBuilder.StagedAt.AddHours(1)).Change!;
}

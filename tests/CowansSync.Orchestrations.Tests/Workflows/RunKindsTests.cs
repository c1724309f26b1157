using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Tests.Workflows;

public sealed class RunKindsTests
{
    [Theory]
    [InlineData("etilize_import", ChangeDirection.EtilizeImport)]
    [InlineData("shopify_push", ChangeDirection.PushToShopify)]
    [InlineData("shopify_pull", ChangeDirection.PullFromShopify)]
    [InlineData("xorosoft_inventory", ChangeDirection.XorosoftInventory)]
    public void DirectionOf_SyncKind_ReturnsItsDirectionAndBack(string kind, ChangeDirection expected)
    {
        var direction = RunKinds.DirectionOf(kind);

        Assert.Equal(expected, direction);
        Assert.Equal(kind, RunKinds.KindOf(expected));
    }

    [Theory]
    [InlineData("schedule")]
    [InlineData("ETILIZE_IMPORT")]
    public void DirectionOf_OtherKind_ReturnsNull(string kind) => Assert.Null(RunKinds.DirectionOf(kind));

    [Theory]
    [InlineData(ChangeDirection.Manual)]
    [InlineData(ChangeDirection.Rollback)]
    public void KindOf_DirectionNoRunSyncsIn_ReturnsNull(ChangeDirection direction) => Assert.Null(RunKinds.KindOf(direction));

    [Fact]
    public void SyncDirections_ListsTheFourBatchDirections() =>
        Assert.Equal(
            [ChangeDirection.EtilizeImport, ChangeDirection.PushToShopify, ChangeDirection.PullFromShopify, ChangeDirection.XorosoftInventory],
            RunKinds.SyncDirections);
}

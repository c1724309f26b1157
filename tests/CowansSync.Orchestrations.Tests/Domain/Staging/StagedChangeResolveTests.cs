using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed class StagedChangeResolveTests
{
    private static readonly ReviewInfo Review = new("pat@cowans.example", new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), "checked with the supplier");

    [Fact]
    public void Resolve_UseLocalByAPerson_RebasesOnTheStoreAndApprovesTheLocalValue()
    {
        var change = Conflicted(ChangeStatus.Pending, shopifyPrice: 31m);

        var settled = change.Resolve("price", Json(34.99m), Review, byPerson: true);

        Assert.Equal(ChangeStatus.Approved, settled.Change!.Status);
        Assert.Equal(31m, settled.Change.CurrentData!.Price);
        Assert.Equal(34.99m, settled.Change.ProposedData!.Price);
        var price = Assert.Single(settled.Change.FieldChanges);
        Assert.Equal(31m, price.OldNumber);
        Assert.Empty(settled.Change.Conflicts);
        Assert.Equal(Review, settled.Change.Review);
    }

    [Fact]
    public void Resolve_UseLocalByTheRules_SettlesButLeavesTheApprovalToTheApprovalRules()
    {
        var change = Conflicted(ChangeStatus.Pending, shopifyPrice: 31m);

        var settled = change.Resolve("price", Json(34.99m), Review, byPerson: false);

        Assert.Equal(ChangeStatus.Pending, settled.Change!.Status);
        Assert.Empty(settled.Change.Conflicts);
    }

    [Fact]
    public void Resolve_UseShopifyOnTheOnlyField_RejectsTheChangeWithNothingLeftToPush()
    {
        var change = Conflicted(ChangeStatus.Pending, shopifyPrice: 31m);

        var settled = change.Resolve("price", Json(31m), Review, byPerson: true);

        Assert.Equal(ChangeStatus.Rejected, settled.Change!.Status);
        Assert.Empty(settled.Change.FieldChanges);
    }

    [Fact]
    public void Resolve_CustomOnAFailedChange_ApprovesItAgainWithTheCustomValue()
    {
        var change = Conflicted(ChangeStatus.Failed, shopifyPrice: 31m) with { LastError = "Shopify changed the price" };

        var settled = change.Resolve("price", Json(32.50m), Review, byPerson: false);

        Assert.Equal(ChangeStatus.Approved, settled.Change!.Status);
        Assert.Equal(32.50m, settled.Change.ProposedData!.Price);
        Assert.Null(settled.Change.LastError);
    }

    [Fact]
    public void Resolve_WrongTypeOrNoSuchConflict_IsRefusedOrThrows()
    {
        var change = Conflicted(ChangeStatus.Pending, shopifyPrice: 31m);

        Assert.Throws<JsonException>(() => change.Resolve("price", Json("cheap"), Review, byPerson: true));
        Assert.Contains("no open conflict on title", change.Resolve("title", Json("x"), Review, byPerson: true).Refusal, StringComparison.Ordinal);
        Assert.Contains("applied", (change with { Status = ChangeStatus.Applied }).Resolve("price", Json(31m), Review, byPerson: true).Refusal, StringComparison.Ordinal);
    }

    private static StagedChange Conflicted(ChangeStatus status, decimal shopifyPrice)
    {
        var change = new StagedChangeBuilder().WithPriceChange(from: 29.99m, to: 34.99m).Build();
        var store = new ProductBuilder().WithPrice(shopifyPrice).Build();
        var conflicts = new ConflictDetector(new ConflictAutoResolver()).Detect(change.CurrentData, change.ProposedData!, store, [ProductFields.Price]);
        return change with { Status = status, Conflicts = conflicts };
    }

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}

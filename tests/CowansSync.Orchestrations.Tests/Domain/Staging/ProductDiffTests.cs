using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed class ProductDiffTests
{
    private static readonly Product Current = new ProductBuilder().Build();

    // Every owner's fields change at once, so each direction's filter shows.
    private static readonly Product ChangedEverywhere = Current with
    {
        Title = "New title",
        Price = 31.99m,
        InventoryQuantity = 80,
        Tags = ["sale"],
        Status = ProductStatus.Archived,
    };

    [Fact]
    public void Between_NoCurrentProduct_CreateListsEveryFilledField()
    {
        // Act
        var sut = ProductDiff.Between(null, Current, ChangeDirection.EtilizeImport);

        // Assert
        Assert.Equal(ChangeType.Create, sut.ChangeType);
        Assert.Equal(ProductFields.All.Select(f => f.Name), sut.FieldChanges.Select(c => c.Field));
        Assert.All(sut.FieldChanges, c => Assert.Equal(JsonValueKind.Null, c.Old.ValueKind));
    }

    [Fact]
    public void Between_SameValuesDifferentForm_NoChange()
    {
        // Arrange: set and map order and trailing zeros carry no meaning.
        var proposed = Current with
        {
            Tags = ["mailing", "labels", "labels"],
            Price = 29.990m,
            Metafields = new Dictionary<string, string> { ["specs.count"] = "3000", ["specs.color"] = "White" },
        };

        // Act
        var sut = ProductDiff.Between(Current, proposed, ChangeDirection.Manual);

        // Assert
        Assert.True(sut.IsEmpty);
        Assert.Equal(ChangeType.Update, sut.ChangeType);
    }

    [Theory]
    [InlineData(ChangeDirection.EtilizeImport, new[] { "title", "price", "inventory_quantity" })]
    [InlineData(ChangeDirection.XorosoftInventory, new[] { "price", "inventory_quantity" })]
    [InlineData(ChangeDirection.PullFromShopify, new[] { "status", "tags" })]
    [InlineData(ChangeDirection.Manual, new[] { "title", "price", "inventory_quantity", "status", "tags" })]
    [InlineData(ChangeDirection.PushToShopify, new[] { "title", "price", "inventory_quantity", "status", "tags" })]
    [InlineData(ChangeDirection.Rollback, new[] { "title", "price", "inventory_quantity", "status", "tags" })]
    public void Between_Update_ProposesOnlyFieldsTheDirectionOwns(ChangeDirection direction, string[] expected)
    {
        // Act
        var sut = ProductDiff.Between(Current, ChangedEverywhere, direction);

        // Assert
        Assert.Equal(expected, sut.FieldChanges.Select(c => c.Field));
    }

    [Fact]
    public void Between_PullFromShopify_AfterImageKeepsFieldsShopifyDoesNotOwn()
    {
        // Act
        var sut = ProductDiff.Between(Current, ChangedEverywhere, ChangeDirection.PullFromShopify);

        // Assert: applying the after-image takes Shopify's tags and status, never its price.
        Assert.Equal(Current with { Tags = ChangedEverywhere.Tags, Status = ProductStatus.Archived }, sut.Proposed);
    }

    [Fact]
    public void Between_NoProposal_DeleteListsEveryFilledFieldGoingToNull()
    {
        var sut = ProductDiff.Between(Current, null, ChangeDirection.PullFromShopify);

        Assert.Equal(ChangeType.Delete, sut.ChangeType);
        Assert.Equal(ProductFields.All.Count, sut.FieldChanges.Count);
        Assert.All(sut.FieldChanges, c => Assert.Equal(JsonValueKind.Null, c.New.ValueKind));
    }

    [Fact]
    public void Between_DifferentSkus_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProductDiff.Between(Current, Current with { Sku = Sku.Parse("OTHER") }, ChangeDirection.Manual));
    }

    [Fact]
    public void Between_NeitherProduct_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProductDiff.Between(null, null, ChangeDirection.Manual));
    }
}

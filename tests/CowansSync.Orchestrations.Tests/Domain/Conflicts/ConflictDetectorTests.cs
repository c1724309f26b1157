using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Conflicts;

public sealed class ConflictDetectorTests
{
    private static readonly Product Base = new ProductBuilder().WithPrice(100m).Build();

    private static ConflictDetector CreateSut() => new(new ConflictAutoResolver());

    [Fact]
    public void Detect_OnlyLocalChanged_NoConflict()
    {
        Assert.Empty(CreateSut().Detect(Base, Base with { Price = 120m }, Base));
    }

    [Fact]
    public void Detect_OnlyShopifyChanged_NoConflict()
    {
        Assert.Empty(CreateSut().Detect(Base, Base, Base with { Price = 120m }));
    }

    [Fact]
    public void Detect_BothChangedToSameValue_NoConflict()
    {
        Assert.Empty(CreateSut().Detect(Base, Base with { Price = 120m }, Base with { Price = 120.00m }));
    }

    [Fact]
    public void Detect_BothChangedDifferently_ConflictWithAllThreeValuesAndSuggestion()
    {
        // Act
        var conflicts = CreateSut().Detect(Base, Base with { Price = 120m }, Base with { Price = 121m, Title = "Shopify title" });

        // Assert
        var conflict = Assert.Single(conflicts);
        Assert.Equal(Base.Sku, conflict.Sku);
        Assert.Equal("price", conflict.Field);
        Assert.Equal(100m, conflict.BaseValue.GetDecimal());
        Assert.Equal(120m, conflict.LocalValue.GetDecimal());
        Assert.Equal(121m, conflict.ShopifyValue.GetDecimal());
        Assert.Equal(ResolutionChoice.UseShopify, conflict.Suggestion.Choice);
    }

    [Fact]
    public void Detect_NeverSynced_EveryDifferenceIsAConflict()
    {
        var conflicts = CreateSut().Detect(null, Base, Base with { Price = 120m, Handle = "other" });

        Assert.Equal(["price", "handle"], conflicts.Select(c => c.Field));
        Assert.All(conflicts, c => Assert.Equal(JsonValueKind.Null, c.BaseValue.ValueKind));
    }

    [Fact]
    public void Detect_FieldSubset_IgnoresFieldsShopifyDidNotCarry()
    {
        // Arrange: the Shopify read had no cost, so its side shows none.
        var local = Base with { Cost = 20m };
        var shopify = Base with { Cost = null, Price = 130m };

        // Act
        var conflicts = CreateSut().Detect(Base, local with { Price = 110m }, shopify, [ProductFields.Price]);

        // Assert
        Assert.Equal(["price"], conflicts.Select(c => c.Field));
    }

    [Fact]
    public void Detect_LocalProvenance_IsCarriedForTheReviewer()
    {
        var local = new ProductBuilder().With(_ => Base).WithDescription("<p>Etilize</p>").WithFieldSource(ProductFields.DescriptionHtml, SourceSystem.Etilize).Build();

        var conflict = Assert.Single(CreateSut().Detect(Base, local, Base with { DescriptionHtml = "<p>Merchant</p>" }));

        Assert.Equal(SourceSystem.Etilize, conflict.LocalChange?.Source);
        Assert.Equal(ResolutionChoice.UseLocal, conflict.Suggestion.Choice);
    }
}

using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Conflicts;

public sealed class ConflictResolutionTests
{
    private static readonly FieldConflict PriceConflict = Conflict("A-1", "price", 10m, 12m);

    [Theory]
    [InlineData(ResolutionChoice.UseLocal, "10")]
    [InlineData(ResolutionChoice.UseShopify, "12")]
    public void ValueFor_Side_TakesThatSidesValue(ResolutionChoice choice, string expected)
    {
        Assert.Equal(expected, new ConflictResolution(choice).ValueFor(PriceConflict).GetRawText());
    }

    [Fact]
    public void ValueFor_Custom_TakesCustomValue()
    {
        var sut = new ConflictResolution(ResolutionChoice.Custom, JsonSerializer.SerializeToElement(11.5m));

        Assert.Equal(11.5m, sut.ValueFor(PriceConflict).GetDecimal());
        Assert.Empty(sut.Validate());
    }

    [Fact]
    public void Validate_CustomWithoutValue_NamesCustomValue()
    {
        Assert.Equal(["custom_value"], new ConflictResolution(ResolutionChoice.Custom).Validate().Keys);
    }

    [Fact]
    public void Settles_ApplyToSimilar_SameFieldAndValuesOnOtherProductsOnly()
    {
        // Arrange
        var similar = Conflict("B-2", "price", 10m, 12m);
        var otherValues = Conflict("C-3", "price", 10m, 13m);
        var otherField = Conflict("D-4", "cost", 10m, 12m);
        var sameConflictReread = Conflict("A-1", "price", 10m, 12m);
        var sut = new ConflictResolution(ResolutionChoice.UseShopify, ApplyToSimilar: true);

        // Act
        var settled = sut.Settles(PriceConflict, [similar, otherValues, otherField, sameConflictReread]);

        // Assert
        Assert.Equal([PriceConflict, similar], settled);
    }

    [Fact]
    public void Settles_WithoutApplyToSimilar_OnlyTheResolvedConflict()
    {
        var settled = new ConflictResolution(ResolutionChoice.UseShopify).Settles(PriceConflict, [Conflict("B-2", "price", 10m, 12m)]);

        Assert.Equal([PriceConflict], settled);
    }

    private static FieldConflict Conflict(string sku, string field, decimal local, decimal shopify)
        => new(
            Sku.Parse(sku),
            field,
            JsonSerializer.SerializeToElement(9m),
            JsonSerializer.SerializeToElement(local),
            JsonSerializer.SerializeToElement(shopify),
            null,
            null,
            AutoResolution.Manual("test"));
}

using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed class FieldChangeTests
{
    [Theory]
    [InlineData("100", "120", "20.00")]
    [InlineData("100", "120.01", "20.01")]
    [InlineData("29.99", "34.99", "16.67")]
    [InlineData("100", "50", "-50")]
    [InlineData("-10", "10", "200")]
    public void PercentChange_Numbers_RelativeToOldRoundedTo2Decimals(string old, string @new, string expected)
    {
        Assert.Equal(Parse(expected), FieldChange.PercentChange(Parse(old), Parse(@new)));
    }

    [Theory]
    [InlineData("0", "10")]
    [InlineData(null, "10")]
    [InlineData("10", null)]
    public void PercentChange_OldZeroOrMissing_IsNull(string? old, string? @new)
    {
        Assert.Null(FieldChange.PercentChange(Parse(old), Parse(@new)));
    }

    [Fact]
    public void Of_PriceChange_CarriesOldNewAndPercent()
    {
        // Arrange
        var current = new ProductBuilder().WithPrice(29.99m).Build();
        var proposed = current with { Price = 34.99m };

        // Act
        var sut = FieldChange.Of(ProductFields.Price, current, proposed);

        // Assert
        Assert.Equal("price", sut.Field);
        Assert.Equal(29.99m, sut.OldNumber);
        Assert.Equal(34.99m, sut.NewNumber);
        Assert.Equal(16.67m, sut.ChangePercent);
    }

    [Fact]
    public void Of_TextField_HasNoPercent()
    {
        var current = new ProductBuilder().Build();

        var sut = FieldChange.Of(ProductFields.Title, current, current with { Title = "New" });

        Assert.Null(sut.ChangePercent);
        Assert.Equal("New", sut.New.GetString());
    }

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}

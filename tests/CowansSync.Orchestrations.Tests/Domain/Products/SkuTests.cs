using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Products;

public sealed class SkuTests
{
    [Theory]
    [InlineData("ave-5160", "AVE-5160")]
    [InlineData("  AVE-5160  ", "AVE-5160")]
    [InlineData("ab  \t 12\ncd", "AB 12 CD")]
    [InlineData("x", "X")]
    public void Parse_AnySpelling_NormalizesTrimUpperAndSingleSpaces(string input, string expected)
    {
        // Act
        var sut = Sku.Parse(input);

        // Assert
        Assert.Equal(expected, sut.Normalized);
    }

    [Fact]
    public void Parse_MixedCase_KeepsTrimmedOriginalForDisplay()
    {
        // Act
        var sut = Sku.Parse("  Ave-5160 ");

        // Assert
        Assert.Equal("Ave-5160", sut.Original);
        Assert.Equal("Ave-5160", sut.ToString());
    }

    [Fact]
    public void Equals_DifferentSpellingsOfSameSku_AreEqualWithSameHash()
    {
        // Arrange
        var sut = Sku.Parse("ab  12");
        var other = Sku.Parse(" AB 12 ");

        // Act & Assert
        Assert.True(sut == other);
        Assert.Equal(sut.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentSkus_AreNotEqual()
    {
        Assert.True(Sku.Parse("AB 12") != Sku.Parse("AB12"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t")]
    public void TryParse_EmptyValue_Fails(string? input)
    {
        // Act
        var parsed = Sku.TryParse(input, out _);

        // Assert
        Assert.False(parsed);
        Assert.Throws<ArgumentException>(() => Sku.Parse(input!));
    }

    [Fact]
    public void Serialize_Sku_WritesOriginalAndReadsBackEqual()
    {
        // Arrange
        var sut = Sku.Parse("Ave-5160");

        // Act
        var json = JsonSerializer.Serialize(sut, DomainJson.Options);
        var roundTripped = JsonSerializer.Deserialize<Sku>(json, DomainJson.Options);

        // Assert
        Assert.Equal("\"Ave-5160\"", json);
        Assert.Equal("Ave-5160", roundTripped.Original);
        Assert.Equal(sut, roundTripped);
    }
}

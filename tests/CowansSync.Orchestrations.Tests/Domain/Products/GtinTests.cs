using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Products;

public sealed class GtinTests
{
    [Theory]
    [InlineData("036000291452")]      // UPC-A
    [InlineData("072782051600")]      // UPC-A
    [InlineData("4006381333931")]     // EAN-13
    [InlineData("5901234123457")]     // EAN-13
    [InlineData("10012345678902")]    // GTIN-14
    [InlineData("0 36000 29145 2")]   // UPC-A with readability spaces
    [InlineData("400-6381-33393-1")]  // EAN-13 with hyphens
    public void TryParse_ValidCheckDigit_Succeeds(string barcode)
    {
        Assert.True(Gtin.TryParse(barcode, out var sut));
        Assert.Equal(14, sut.Value.Length);
    }

    [Theory]
    [InlineData("036000291453")]      // UPC-A, wrong check digit
    [InlineData("4006381333932")]     // EAN-13, wrong check digit
    [InlineData("10012345678903")]    // GTIN-14, wrong check digit
    [InlineData("36000291452")]       // 11 digits
    [InlineData("100123456789023")]   // 15 digits
    [InlineData("03600029145A")]      // not digits
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_InvalidBarcode_Fails(string? barcode)
    {
        Assert.False(Gtin.IsValid(barcode));
    }

    [Fact]
    public void TryParse_UpcAndEanWithLeadingZero_AreTheSameGtin()
    {
        // Arrange
        Assert.True(Gtin.TryParse("036000291452", out var upc));

        // Act
        var parsed = Gtin.TryParse("0036000291452", out var ean);

        // Assert
        Assert.True(parsed);
        Assert.Equal(upc, ean);
        Assert.Equal("00036000291452", upc.Value);
    }
}

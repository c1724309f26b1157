using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Products;

public sealed class ManufacturerNameTests
{
    [Theory]
    [InlineData("3M Company", "3m")]
    [InlineData("3M", "3m")]
    [InlineData("Avery Products Corporation", "avery products")]
    [InlineData("Smead Mfg. Co.", "smead")]
    [InlineData("Acme Holdings Co., Inc.", "acme holdings")]
    [InlineData("Johnson & Johnson, LLC", "johnson and johnson")]
    [InlineData("Johnson and Johnson", "johnson and johnson")]
    [InlineData("  O'Brien   Office   Ltd ", "obrien office")]
    [InlineData("Company", "company")]
    public void Normalize_VendorSpellings_YieldsMatchingKey(string name, string expected)
    {
        Assert.Equal(expected, ManufacturerName.Normalize(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("., -")]
    public void Normalize_NothingToMatch_IsEmpty(string? name)
    {
        Assert.Equal(string.Empty, ManufacturerName.Normalize(name));
    }
}

using System.Text;
using System.Text.Json;
using CowansSync.Orchestrations.Domain.Versions;

namespace CowansSync.Orchestrations.Tests.Domain.Versions;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_PropertyOrderAndWhitespace_SameCanonicalForm()
    {
        // Arrange
        var first = Parse("""{"b": 1, "a": {"y": [1, 2], "x": "é"}}""");
        var second = Parse("""{"a":{"x":"é","y":[1,2]},"b":1}""");

        // Act
        var sut = CanonicalJson.Serialize(first);

        // Assert
        Assert.Equal("""{"a":{"x":"\u00E9","y":[1,2]},"b":1}""", Encoding.UTF8.GetString(sut));
        Assert.Equal(sut, CanonicalJson.Serialize(second));
        Assert.Equal(CanonicalJson.Sha256Hex(first), CanonicalJson.Sha256Hex(second));
    }

    [Theory]
    [InlineData("29.90")]
    [InlineData("29.9")]
    [InlineData("2.99e1")]
    [InlineData("29.900000")]
    public void Serialize_SameNumberSpeltDifferently_PlainInvariantForm(string number)
    {
        Assert.Equal("29.9", Encoding.UTF8.GetString(CanonicalJson.Serialize(Parse(number))));
    }

    [Fact]
    public void Sha256Hex_ArrayOrderMatters_DifferentHash()
    {
        Assert.NotEqual(CanonicalJson.Sha256Hex(Parse("[1,2]")), CanonicalJson.Sha256Hex(Parse("[2,1]")));
    }

    [Fact]
    public void Sha256Hex_Value_Is64LowerHex()
    {
        Assert.Matches("^[0-9a-f]{64}$", CanonicalJson.Sha256Hex(Parse("{}")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}

using System.Text.Json;
using CowansSync.Functions.Hosting.CustomHandler;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary>Trigger values as the Functions host may send them: plain, JSON-encoded once more, or as objects.</summary>
public sealed class TriggerDataTests
{
    [Theory]
    [InlineData("\"plain text\"", "plain text")]
    [InlineData("\"\\\"plain text\\\"\"", "plain text")]
    [InlineData("\"{\\\"type\\\":\\\"a\\\"}\"", "{\"type\":\"a\"}")]
    [InlineData("\"\\\"{\\\\\\\"type\\\\\\\":\\\\\\\"a\\\\\\\"}\\\"\"", "{\"type\":\"a\"}")]
    [InlineData("{\"type\":\"a\"}", "{\"type\":\"a\"}")]
    [InlineData("\"[not json\"", "[not json")]
    public void ReadString_HostEncodings_ReturnsMessageText(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        var text = TriggerData.ReadString(document.RootElement);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("{\"DequeueCount\": 3}")]
    [InlineData("{\"DequeueCount\": \"3\"}")]
    [InlineData("{\"DequeueCount\": \"\\\"3\\\"\"}")]
    public void ReadInt64_NumberOrEncodedString_ReturnsNumber(string json)
    {
        var metadata = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);

        var count = TriggerData.ReadInt64(metadata, "DequeueCount");

        Assert.Equal(3, count);
    }

    [Fact]
    public void ReadInt64_Missing_ReturnsNull()
    {
        Assert.Null(TriggerData.ReadInt64(new Dictionary<string, JsonElement>(), "DequeueCount"));
    }
}

using System.Globalization;
using System.Text.Json;

namespace CowansSync.Functions.Hosting.CustomHandler;

/// <summary>
/// Reads values out of an invocation's <c>Data</c> and <c>Metadata</c>. The host serializes a string trigger value
/// with JSON.NET before embedding it, so a queue message may arrive JSON-encoded twice (<c>"\"{\\\"type\\\":…}\""</c>):
/// every reader unwraps one such layer when it finds one.
/// </summary>
internal static class TriggerData
{
    /// <summary>The value as text: a string (unwrapped), or the raw JSON of anything else.</summary>
    public static string ReadString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString()!;
        return TryParse(text) is { ValueKind: JsonValueKind.String } inner ? inner.GetString()! : text;
    }

    /// <summary>The value as a JSON element: a string holding JSON is parsed.</summary>
    public static JsonElement ReadJson(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && TryParse(value.GetString()!) is { } inner ? inner : value;

    public static long? ReadInt64(IReadOnlyDictionary<string, JsonElement>? metadata, string key) =>
        metadata?.TryGetValue(key, out var value) != true ? null
        : ReadJson(value) is { ValueKind: JsonValueKind.Number } number ? number.GetInt64()
        : long.TryParse(ReadString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    public static string? ReadText(IReadOnlyDictionary<string, JsonElement>? metadata, string key) =>
        metadata?.TryGetValue(key, out var value) == true && value.ValueKind != JsonValueKind.Null ? ReadString(value) : null;

    public static DateTimeOffset? ReadTime(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value)
            && DateTimeOffset.TryParse(ReadString(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;

    private static JsonElement? TryParse(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is not ('"' or '{' or '['))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Text that merely starts like JSON is a plain string.
            return null;
        }
    }
}

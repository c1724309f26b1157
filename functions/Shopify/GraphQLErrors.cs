using System.Text.Json;

namespace CowansSync.Functions.Shopify;

/// <summary>The <c>errors</c> of a GraphQL response: their messages, and whether Shopify throttled the request.</summary>
internal sealed record GraphQLErrors(IReadOnlyList<string> Messages, bool IsThrottled)
{
    private const int MaxBodyLength = 500;

    /// <summary>Reads <c>errors</c>: normally an array of <c>{message, extensions: {code}}</c>.</summary>
    /// <param name="errors">The element, if the response had one.</param>
    /// <returns>The messages (empty when there were none).</returns>
    public static GraphQLErrors Read(JsonElement? errors)
    {
        if (errors is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new([], false);
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return new([element.ToString()], false);
        }

        var messages = new List<string>();
        var throttled = false;
        foreach (var error in element.EnumerateArray())
        {
            var code = error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                && extensions.TryGetProperty("code", out var codeElement) ? codeElement.ToString() : null;
            throttled |= string.Equals(code, "THROTTLED", StringComparison.Ordinal);
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var text) ? text.ToString() : error.ToString();
            messages.Add(code is null ? message : $"{message} [{code}]");
        }

        return new(messages, throttled);
    }

    /// <summary>A refused request's body, as one message: its <c>errors</c> if it is JSON, else the text, cut short.</summary>
    /// <param name="body">The response body.</param>
    /// <returns>The message.</returns>
    public static string FromBody(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errors", out var errors))
            {
                return string.Join(" | ", Read(errors.Clone()).Messages);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page): the raw text, shortened, says more than nothing.
            return Shorten(body);
        }

        return Shorten(body);
    }

    private static string Shorten(string body) => body.Length > MaxBodyLength ? body[..MaxBodyLength] : body;
}

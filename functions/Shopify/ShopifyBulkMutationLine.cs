using System.Text.Json;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// One line of a bulk mutation's result: <c>{"data":{root:{…,"userErrors":[…]}},"__lineNumber":n}</c>, or with
/// <c>errors</c> when the line failed outright (bad variables, say). <c>__lineNumber</c> counts input lines from 0.
/// </summary>
internal static class ShopifyBulkMutationLine
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The line's input line number and its errors (empty when it succeeded).</summary>
    /// <exception cref="ShopifyBulkOperationException">The line is not JSON or has no line number.</exception>
    public static (int LineNumber, IReadOnlyList<ShopifyUserError> Errors) Read(string line, string rootField)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new ShopifyBulkOperationException($"A bulk mutation result line is not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("__lineNumber", out var number) || !number.TryGetInt32(out var lineNumber))
            {
                throw new ShopifyBulkOperationException("A bulk mutation result line has no __lineNumber.");
            }

            var requestErrors = GraphQLErrors.Read(root.TryGetProperty("errors", out var errors) ? errors.Clone() : null).Messages;
            if (requestErrors.Count > 0)
            {
                return (lineNumber, [.. requestErrors.Select(message => new ShopifyUserError(null, message, null))]);
            }

            var userErrors = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty(rootField, out var payload) && payload.ValueKind == JsonValueKind.Object
                && payload.TryGetProperty("userErrors", out var list)
                ? list.Deserialize<IReadOnlyList<BulkUserError>>(s_json)
                : null;
            return userErrors is null
                ? (lineNumber, [new ShopifyUserError(null, $"The result line has no {rootField} payload.", null)])
                : (lineNumber, ShopifyPushWrites.Errors(userErrors));
        }
    }
}

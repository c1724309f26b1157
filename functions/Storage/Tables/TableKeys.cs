namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// The rules for PartitionKey and RowKey values, and how a key pair addresses one entity in a URL.
/// </summary>
internal static class TableKeys
{
    /// <summary>Throws when <paramref name="value"/> holds a character the service refuses in keys.</summary>
    /// <remarks>
    /// The service would answer 400 for these, but only after a round trip and without saying which key;
    /// inside a transaction the whole batch would fail. Checking here names the culprit.
    /// </remarks>
    public static void Validate(string? value, string keyName)
    {
        if (value is null)
        {
            throw new ArgumentException($"The {keyName} is required.", keyName);
        }

        foreach (var character in value)
        {
            if (character is '/' or '\\' or '#' or '?' || char.IsControl(character))
            {
                throw new ArgumentException(
                    $"The {keyName} '{value}' contains {Describe(character)}; the Table service does not allow '/', '\\', '#', '?' or control characters in keys.",
                    keyName);
            }
        }
    }

    /// <summary>The entity's address: <c>{table}(PartitionKey='…',RowKey='…')</c>.</summary>
    /// <remarks>
    /// Quotes are doubled (OData string literal) and then everything outside the unreserved set is
    /// percent-encoded, so keys with spaces, quotes or non-ASCII text survive the trip.
    /// </remarks>
    public static Uri EntityUri(Uri tableUri, string partitionKey, string rowKey) =>
        new($"{tableUri.AbsoluteUri}(PartitionKey='{Encode(partitionKey)}',RowKey='{Encode(rowKey)}')");

    private static string Encode(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static string Describe(char character) =>
        char.IsControl(character) ? $"the control character U+{(int)character:X4}" : $"'{character}'";
}

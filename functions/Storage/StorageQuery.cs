namespace CowansSync.Functions.Storage;

/// <summary>Splits a URI query into decoded name/value pairs, as the signing schemes canonicalize them.</summary>
internal static class StorageQuery
{
    public static IEnumerable<(string Name, string Value)> Parse(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals < 0
                    ? (Uri.UnescapeDataString(pair), string.Empty)
                    : (Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
            });
}

using System.Collections.Concurrent;

namespace CowansSync.Functions.Shopify;

/// <summary>A GraphQL document sent to the Admin API, named so its cost can be remembered between calls.</summary>
/// <param name="Name">The document's name (for the embedded ones, the file name without <c>.graphql</c>).</param>
/// <param name="Text">The GraphQL text.</param>
/// <param name="EstimatedCost">The requested cost assumed until Shopify has reported the real one.</param>
public sealed record ShopifyDocument(string Name, string Text, int EstimatedCost)
{
    private static readonly ConcurrentDictionary<string, ShopifyDocument> s_loaded = new(StringComparer.Ordinal);

    /// <summary>Loads an embedded document from <c>functions/Shopify/Documents/{name}.graphql</c>.</summary>
    /// <param name="name">The file name without extension, e.g. <c>FindProducts</c>.</param>
    /// <param name="estimatedCost">The requested cost assumed before the first response.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidOperationException">No such document is embedded.</exception>
    public static ShopifyDocument Load(string name, int estimatedCost) => s_loaded.GetOrAdd(name, key =>
    {
        var resource = $"{typeof(ShopifyDocument).Namespace}.Documents.{key}.graphql";
        using var stream = typeof(ShopifyDocument).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No GraphQL document named {key} is embedded ({resource}).");
        using var reader = new StreamReader(stream);
        return new ShopifyDocument(key, reader.ReadToEnd(), estimatedCost);
    });
}

using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Joins the lines of ExportProducts.bulk.graphql's JSONL result back into FindProducts' <see cref="ProductNode"/>
/// shape, one product at a time: a product line, then its variant, media and (ReadProducts.bulk) collection lines (<c>__parentId</c> = the product),
/// as <c>groupObjects: true</c> orders them. Only what the mapper reads is kept (the first variant, the first
/// <see cref="ShopifyProductMapper.MediaPerProduct"/> media), so memory holds one line and one product, whatever the file's size.
/// </summary>
internal static class ShopifyBulkProductLines
{
    private const string ParentIdProperty = "__parentId";
    private const string VariantIdPrefix = "gid://shopify/ProductVariant/";
    private const string CollectionIdPrefix = "gid://shopify/Collection/";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>The products of a result file, in file order.</summary>
    /// <param name="reader">The JSONL text.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>Each product with its first variant and first media.</returns>
    /// <exception cref="ShopifyBulkOperationException">A line is not JSON, not a product's, or comes away from its product (the message names the line).</exception>
    public static async IAsyncEnumerable<ProductNode> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ProductNode? product = null;
        VariantNode? firstVariant = null;
        var media = new List<MediaNode>(ShopifyProductMapper.MediaPerProduct);
        var collections = new List<CollectionNode>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = Parse(line, lineNumber);
            var root = document.RootElement;
            if (!root.TryGetProperty(ParentIdProperty, out var parentId))
            {
                if (product is not null)
                {
                    yield return Complete(product, firstVariant, media, collections);
                }

                product = Deserialize<ProductNode>(root, lineNumber);
                firstVariant = null;
                media.Clear();
                collections.Clear();
                continue;
            }

            if (product is null || !string.Equals(parentId.GetString(), product.Id, StringComparison.Ordinal))
            {
                throw new ShopifyBulkOperationException(
                    $"Bulk result line {lineNumber}: its parent {parentId} is not the product just read ({product?.Id ?? "none"}); the export needs grouped objects.");
            }

            var childId = root.TryGetProperty("id", out var id) ? id.GetString() : null;
            if (childId?.StartsWith(VariantIdPrefix, StringComparison.Ordinal) == true)
            {
                firstVariant ??= Deserialize<VariantNode>(root, lineNumber);
            }
            else if (childId?.StartsWith(CollectionIdPrefix, StringComparison.Ordinal) == true)
            {
                collections.Add(Deserialize<CollectionNode>(root, lineNumber));
            }
            else if (media.Count < ShopifyProductMapper.MediaPerProduct)
            {
                media.Add(Deserialize<MediaNode>(root, lineNumber));
            }
        }

        if (product is not null)
        {
            yield return Complete(product, firstVariant, media, collections);
        }
    }

    private static ProductNode Complete(ProductNode product, VariantNode? firstVariant, List<MediaNode> media, List<CollectionNode> collections) => product with
    {
        Variants = new NodeList<VariantNode>(firstVariant is null ? [] : [firstVariant]),
        Media = new NodeList<MediaNode>([.. media]),
        Collections = collections.Count == 0 ? null : new NodeList<CollectionNode>([.. collections]),
    };

    private static JsonDocument Parse(string line, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new ShopifyBulkOperationException($"Bulk result line {lineNumber} is not JSON: {exception.Message}", exception);
        }
    }

    private static T Deserialize<T>(JsonElement line, int lineNumber)
    {
        try
        {
            return line.Deserialize<T>(s_json) ?? throw new JsonException("the line is null");
        }
        catch (JsonException exception)
        {
            throw new ShopifyBulkOperationException($"Bulk result line {lineNumber} is not a {typeof(T).Name[..^"Node".Length].ToLowerInvariant()} line: {exception.Message}", exception);
        }
    }
}

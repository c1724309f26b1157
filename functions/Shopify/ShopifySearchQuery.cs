using System.Text;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// Builds Shopify search strings (<c>sku:"A" OR barcode:"B" OR …</c>) for many SKUs and barcodes, cut into
/// chunks short enough for one request each.
/// </summary>
internal static class ShopifySearchQuery
{
    /// <summary>Terms per search: 50 SKU/barcode pairs of one product each fill one page of <see cref="ShopifyCatalog.PageSize"/> products.</summary>
    public const int MaxTerms = ShopifyCatalog.PageSize * 2;

    /// <summary>
    /// Characters per search; Shopify documents no limit and the search travels in the POST body, but stay below
    /// URL-sized strings. 50 pairs of 10-character SKUs and 12-digit UPCs take about 2,300.
    /// </summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// The search strings for <paramref name="skus"/> and <paramref name="barcodes"/>, each value once. SKUs and
    /// barcodes are interleaved in the order given, since callers pass a row's SKU and barcode at the same
    /// position and both then fall into one chunk and match one product.
    /// </summary>
    /// <param name="skus">SKUs (any spelling; compared normalized).</param>
    /// <param name="barcodes">Barcodes.</param>
    /// <returns>The search strings.</returns>
    public static IReadOnlyList<string> Chunks(IEnumerable<string> skus, IEnumerable<string> barcodes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skuTerms = skus.Where(sku => Sku.Normalize(sku).Length > 0 && seen.Add($"sku:{Sku.Normalize(sku)}"))
            .Select(sku => Term("sku", sku.Trim()));
        var barcodeTerms = barcodes.Select(barcode => barcode?.Trim() ?? string.Empty)
            .Where(barcode => barcode.Length > 0 && seen.Add($"barcode:{barcode}"))
            .Select(barcode => Term("barcode", barcode));

        var chunks = new List<string>();
        var chunk = new StringBuilder();
        var terms = 0;
        foreach (var term in Interleave(skuTerms, barcodeTerms))
        {
            if (terms == MaxTerms || (terms > 0 && chunk.Length + term.Length + 4 > MaxLength))
            {
                chunks.Add(chunk.ToString());
                chunk.Clear();
                terms = 0;
            }

            chunk.Append(terms == 0 ? string.Empty : " OR ").Append(term);
            terms++;
        }

        if (terms > 0)
        {
            chunks.Add(chunk.ToString());
        }

        return chunks;
    }

    /// <summary><c>field:"value"</c>, with <c>\</c> and <c>"</c> escaped as Shopify's search syntax wants.</summary>
    public static string Term(string field, string value) =>
        $"{field}:\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static IEnumerable<string> Interleave(IEnumerable<string> first, IEnumerable<string> second)
    {
        using var a = first.GetEnumerator();
        using var b = second.GetEnumerator();
        bool hasA, hasB;
        do
        {
            hasA = a.MoveNext();
            if (hasA)
            {
                yield return a.Current;
            }

            hasB = b.MoveNext();
            if (hasB)
            {
                yield return b.Current;
            }
        }
        while (hasA || hasB);
    }
}

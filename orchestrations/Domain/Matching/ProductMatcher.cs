using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>
/// Matches incoming catalog rows to local products, trying the signals strongest first: exact SKU
/// (1.00), barcode (0.98), manufacturer + part number (0.95), part number alone (0.85), then a title
/// tie-break (below 0.80). Build one per batch: the constructor indexes the candidates once, so each
/// row is a handful of dictionary lookups.
/// </summary>
/// <remarks>
/// Ambiguity is never guessed away at full confidence. A barcode or manufacturer + part number
/// shared by several products is skipped in favour of the next signal. When several products share
/// a part number, the one whose title is clearly most similar is returned as
/// <see cref="ProductMatchType.TitleSimilarity"/> below <see cref="MatchConfidence.WeakSignalCeiling"/>
/// (so a person reviews it); when no title stands out, there is no match. A title-only search over
/// the whole catalog is deliberately not done: it would be a full scan per row.
/// </remarks>
public sealed class ProductMatcher
{
    // Below this the titles share too little for the tie-break to mean anything.
    private const decimal MinimumTitleSimilarity = 0.5m;

    private readonly ManufacturerDirectory _manufacturers;
    private readonly Dictionary<Sku, Product> _bySku = [];
    private readonly ILookup<Gtin, Product> _byGtin;
    private readonly ILookup<(string Manufacturer, string PartNumber), Product> _byManufacturerAndPart;
    private readonly ILookup<string, Product> _byPartNumber;

    /// <summary>Indexes the candidate products.</summary>
    /// <param name="products">The local products a batch's rows may match.</param>
    /// <param name="manufacturers">The manufacturer name-to-id mapping.</param>
    public ProductMatcher(IEnumerable<Product> products, ManufacturerDirectory manufacturers)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(manufacturers);
        _manufacturers = manufacturers;
        var candidates = products.ToList();
        foreach (var product in candidates)
        {
            _bySku.TryAdd(product.Sku, product);
        }

        _byGtin = candidates
            .Select(p => (Ok: Gtin.TryParse(p.Upc, out var gtin), Gtin: gtin, Product: p))
            .Where(x => x.Ok)
            .ToLookup(x => x.Gtin, x => x.Product);
        _byManufacturerAndPart = candidates
            .Where(p => ManufacturerKey(p.Manufacturer) is not null && PartNumber.Normalize(p.ManufacturerPartNumber).Length > 0)
            .ToLookup(p => (ManufacturerKey(p.Manufacturer)!, PartNumber.Normalize(p.ManufacturerPartNumber)));
        _byPartNumber = candidates
            .Where(p => PartNumber.Normalize(p.ManufacturerPartNumber).Length > 0)
            .ToLookup(p => PartNumber.Normalize(p.ManufacturerPartNumber));
    }

    /// <summary>The best match for a catalog row.</summary>
    /// <param name="item">The row.</param>
    /// <returns>The match, or <see langword="null"/> when no signal identifies one product.</returns>
    public ProductMatch? FindBestMatch(CatalogItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return BySku(item) ?? ByGtin(item) ?? ByManufacturerAndPartNumber(item) ?? ByPartNumber(item);
    }

    private ProductMatch? BySku(CatalogItem item)
        => Sku.TryParse(item.Sku, out var sku) && _bySku.TryGetValue(sku, out var product)
            ? new ProductMatch(product, MatchConfidence.ExactSku, ProductMatchType.ExactSku)
            : null;

    private ProductMatch? ByGtin(CatalogItem item)
        => Gtin.TryParse(item.Upc, out var gtin)
            ? Single(_byGtin[gtin], MatchConfidence.Upc, ProductMatchType.Upc)
            : null;

    private ProductMatch? ByManufacturerAndPartNumber(CatalogItem item)
    {
        var manufacturer = ManufacturerKey(item.Manufacturer);
        var partNumber = PartNumber.Normalize(item.ManufacturerPartNumber);
        return manufacturer is null || partNumber.Length == 0
            ? null
            : Single(_byManufacturerAndPart[(manufacturer, partNumber)], MatchConfidence.ManufacturerAndPartNumber, ProductMatchType.ManufacturerAndPartNumber);
    }

    private ProductMatch? ByPartNumber(CatalogItem item)
    {
        var partNumber = PartNumber.Normalize(item.ManufacturerPartNumber);
        if (partNumber.Length == 0)
        {
            return null;
        }

        // Two known, different manufacturers make the same part number a coincidence, not a match.
        var manufacturer = ManufacturerKey(item.Manufacturer);
        var candidates = _byPartNumber[partNumber]
            .Where(p => manufacturer is null || ManufacturerKey(p.Manufacturer) is not { } other || other == manufacturer)
            .ToList();
        return candidates.Count <= 1
            ? Single(candidates, MatchConfidence.PartNumberOnly, ProductMatchType.PartNumberOnly)
            : ByTitleAmong(candidates, item.Title);
    }

    private static ProductMatch? ByTitleAmong(List<Product> candidates, string? title)
    {
        var ranked = candidates
            .Select(p => (Product: p, Similarity: TitleSimilarity.Of(title, p.Title)))
            .OrderByDescending(x => x.Similarity)
            .ToList();
        var best = ranked[0];
        if (best.Similarity < MinimumTitleSimilarity || best.Similarity == ranked[1].Similarity)
        {
            return null;
        }

        var confidence = decimal.Round(MatchConfidence.WeakSignalMaximum * best.Similarity, 2, MidpointRounding.ToZero);
        return new ProductMatch(best.Product, confidence, ProductMatchType.TitleSimilarity);
    }

    private static ProductMatch? Single(IEnumerable<Product> products, decimal confidence, ProductMatchType matchType)
    {
        using var enumerator = products.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            return null;
        }

        var first = enumerator.Current;
        return enumerator.MoveNext() ? null : new ProductMatch(first, confidence, matchType);
    }

    private string? ManufacturerKey(string? name) => _manufacturers.KeyOf(name);
}

using System.IO.Compression;
using System.Runtime.CompilerServices;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// The Etilize Enhanced Content layout: header-less positional files joined by product id (column orders in
/// <c>docs/reference/etilize-xorosoft-durable.md</c>). The products are held in dictionaries while the other files are
/// joined to them (about 1 KB a product), then emitted in product-file order. Inactive products and accessories are
/// skipped; description and SKU rows of products not in the product file are ignored. A product's SKU is the first of
/// <paramref name="skuSources"/> it has a SKU row for; a product with none is emitted without one when it has a
/// manufacturer and part number or a UPC to be known by, and is a failed row, naming what it lacks, when it has neither.
/// </summary>
/// <param name="archive">The open archive.</param>
/// <param name="entries">Its Enhanced Content files.</param>
/// <param name="skuSources">The SKU sources that give the retailer's SKU, first preferred.</param>
internal sealed class EnhancedCatalogReader(EtilizeArchive archive, EnhancedContentEntries entries, IReadOnlyList<string> skuSources)
{
    /// <summary>The SKU source that carries the barcode.</summary>
    public const string UpcSkuSource = "UPC";

    // Etilize ships no image URLs: its content server serves each product's images by id and size.
    private const string ImageUrlBase = "https://content.etilize.com/Large/";

    private readonly Dictionary<string, int> _skuRanks = skuSources
        .Select((source, rank) => (Source: source.Trim(), Rank: rank))
        .DistinctBy(x => x.Source, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(x => x.Source, x => x.Rank, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _manufacturers = [];
    private readonly Dictionary<string, string> _categories = [];
    private readonly Dictionary<string, EnhancedProduct> _products = [];
    private readonly List<EnhancedProduct> _order = [];

    /// <summary>The rows: the errors of the joined files as found, then the products in product-file order.</summary>
    public async IAsyncEnumerable<CatalogRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = new List<(ZipArchiveEntry Entry, int Fields, Func<string, CsvRecord, string?> Join)>();
        if (entries.Manufacturers is { } manufacturers)
        {
            files.Add((manufacturers, 2, (_, r) => Name(_manufacturers, r)));
        }

        if (entries.Categories is { } categories)
        {
            files.Add((categories, 2, (_, r) => Name(_categories, r)));
        }

        files.Add((entries.Products, 6, (_, r) => Product(r)));
        files.Add((entries.Descriptions, 4, (_, r) => Description(r)));
        files.AddRange(entries.Skus.Select(e => (e, 3, (Func<string, CsvRecord, string?>)SkuRow)));
        foreach (var (entry, fields, join) in files)
        {
            var csv = await CsvEntry.OpenAsync(archive, entry, cancellationToken);
            await foreach (var record in csv.ReadAsync(cancellationToken))
            {
                var problem = record.Problem is not null ? $"The row {record.Problem}."
                    : record.Fields.Count < fields ? $"The row has {record.Fields.Count} fields; at least {fields} are expected."
                    : join(csv.Name, record);
                if (problem is not null)
                {
                    yield return CatalogRow.Failed(new CatalogRowError(csv.Name, record.Line, problem));
                }
            }
        }

        var seen = new Dictionary<Sku, (string File, int Line)>();
        foreach (var product in _order)
        {
            yield return Emit(product, seen);
        }
    }

    private static string? Name(Dictionary<string, string> names, CsvRecord record)
    {
        var id = record.Fields[0].Trim();
        if (id.Length == 0)
        {
            return "The row has no id.";
        }

        names.TryAdd(id, record.Fields[1]);
        return null;
    }

    private string? Product(CsvRecord record)
    {
        var fields = record.Fields;
        var id = fields[0].Trim();
        if (id.Length == 0)
        {
            return "The row has no productid.";
        }

        if (fields[2].Trim() == "0" || fields[5].Trim() == "1")
        {
            return null;
        }

        var product = new EnhancedProduct(id, fields[1].Trim(), fields[3], fields[4].Trim(), record.Line);
        if (!_products.TryAdd(id, product))
        {
            return $"The product {id} was already on line {_products[id].Line}.";
        }

        _order.Add(product);
        return null;
    }

    private string? Description(CsvRecord record)
    {
        if (_products.TryGetValue(record.Fields[0].Trim(), out var product))
        {
            // Type 2 is the main title, type 1 the full description; the other types are not imported.
            switch (record.Fields[3].Trim())
            {
                case "2":
                    product.Title ??= record.Fields[1];
                    break;
                case "1":
                    product.DescriptionHtml ??= record.Fields[1];
                    break;
            }
        }

        return null;
    }

    private string? SkuRow(string file, CsvRecord record)
    {
        if (_products.TryGetValue(record.Fields[0].Trim(), out var product))
        {
            var source = record.Fields[1].Trim();
            if (_skuRanks.TryGetValue(source, out var rank) && rank < product.SkuRank && CatalogText.Clean(record.Fields[2]) is { } sku)
            {
                product.Sku = sku;
                product.SkuRank = rank;
                product.SkuSource = (file, record.Line);
            }
            else if (string.Equals(source, UpcSkuSource, StringComparison.OrdinalIgnoreCase))
            {
                product.Upc ??= CatalogText.Clean(record.Fields[2]);
            }
        }

        return null;
    }

    private CatalogRow Emit(EnhancedProduct product, Dictionary<Sku, (string File, int Line)> seen)
    {
        var manufacturer = CatalogText.Clean(_manufacturers.GetValueOrDefault(product.ManufacturerId));
        var partNumber = CatalogText.Clean(product.PartNumber);
        string? sku = null;
        if (Sku.TryParse(product.Sku, out var parsed))
        {
            if (!seen.TryAdd(parsed, product.SkuSource))
            {
                var first = seen[parsed];
                return CatalogRow.Failed(new CatalogRowError(product.SkuSource.File, product.SkuSource.Line,
                    $"The SKU '{parsed.Original}' of product {product.Id} was already given to another product ({first.File}, line {first.Line})."));
            }

            sku = parsed.Original;
        }
        else if ((manufacturer is null || partNumber is null) && !Gtin.IsValid(product.Upc))
        {
            return CatalogRow.Failed(new CatalogRowError(entries.Products.FullName, product.Line, $"The product {product.Id} cannot be identified: it has no "
                + $"{string.Join(" or ", skuSources.Select(source => $"'{source}'"))} SKU in the productskus files, "
                + (partNumber is null ? "no manufacturer part number, " : $"no manufacturer for its part number (id '{product.ManufacturerId}' is not in the manufacturer file), ")
                + (product.Upc is null ? $"and no '{UpcSkuSource}' row." : $"and its UPC '{product.Upc}' is not a valid barcode.")));
        }

        return CatalogRow.Of(new CatalogItem
        {
            Sku = sku,
            Title = CatalogText.Clean(product.Title),
            DescriptionHtml = CatalogText.Clean(product.DescriptionHtml),
            Manufacturer = manufacturer,
            ManufacturerPartNumber = partNumber,
            Upc = product.Upc,
            Category = CatalogText.Clean(_categories.GetValueOrDefault(product.CategoryId)),
            Images = [$"{ImageUrlBase}{product.Id}.jpg"],
            SourceFile = entries.Products.FullName,
            SourceLine = product.Line,
        });
    }
}

using System.Runtime.CompilerServices;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// The flat layout: one CSV with a header row, columns found by name (any order, any case, extra ones ignored).
/// Rows stream through: only the SKUs seen so far are kept, to report a repeated one.
/// </summary>
internal static class FlatCatalogReader
{
    private const string SkuColumn = "sku";

    /// <summary>Whether <paramref name="header"/> is a flat catalog's header: it names a <c>sku</c> column.</summary>
    public static bool IsHeader(CsvRecord? header) => header is { Problem: null } && new FlatColumns(header.Fields).Has(SkuColumn);

    /// <summary>The rows of <paramref name="entry"/>, whose first record is its header.</summary>
    public static async IAsyncEnumerable<CatalogRow> ReadAsync(CsvEntry entry, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FlatColumns? columns = null;
        var seen = new Dictionary<Sku, int>();
        await foreach (var record in entry.ReadAsync(cancellationToken))
        {
            if (columns is null)
            {
                columns = new FlatColumns(record.Fields);
                continue;
            }

            yield return Row(entry.Name, record, columns, seen);
        }
    }

    private static CatalogRow Row(string file, CsvRecord record, FlatColumns columns, Dictionary<Sku, int> seen)
    {
        if (record.Problem is not null)
        {
            return Failed(file, record.Line, $"The row {record.Problem}.");
        }

        if (record.Fields.Count != columns.Count)
        {
            return Failed(file, record.Line, $"The row has {record.Fields.Count} fields; the header has {columns.Count}.");
        }

        if (!Sku.TryParse(columns.Get(record, SkuColumn), out var sku))
        {
            return Failed(file, record.Line, "The row has no value in column 'sku'.");
        }

        if (!seen.TryAdd(sku, record.Line))
        {
            return Failed(file, record.Line, $"The SKU '{sku.Original}' was already on line {seen[sku]}.");
        }

        var image = CatalogText.Clean(columns.Get(record, "image_url"));
        return CatalogRow.Of(new CatalogItem
        {
            Sku = sku.Original,
            Title = CatalogText.Clean(columns.Get(record, "title")),
            DescriptionHtml = CatalogText.Clean(columns.Get(record, "description")),
            Manufacturer = CatalogText.Clean(columns.Get(record, "manufacturer")),
            ManufacturerPartNumber = CatalogText.Clean(columns.Get(record, "mpn")),
            Upc = CatalogText.Clean(columns.Get(record, "upc")),
            Category = CatalogText.Clean(columns.Get(record, "category")),
            Images = image is null ? [] : [image],
            SourceFile = file,
            SourceLine = record.Line,
        });
    }

    private static CatalogRow Failed(string file, int line, string reason) => CatalogRow.Failed(new CatalogRowError(file, line, reason));
}

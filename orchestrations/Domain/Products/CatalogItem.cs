namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// One product row of an Etilize catalog file, as the reader produces it (either layout), after
/// Xorosoft validation has added the ERP's price, cost and stock. Plain data: text is as read,
/// trimmed; normalization happens when matching (<see cref="Sku"/>, <see cref="Gtin"/>, part numbers).
/// </summary>
public sealed record CatalogItem
{
    /// <summary>
    /// The retailer's SKU for the row; <see langword="null"/> when the feed names none, and the row is known by its
    /// manufacturer and part number or its barcode until Xorosoft or the store gives its SKU.
    /// </summary>
    public string? Sku { get; init; }

    /// <summary>The product name.</summary>
    public string? Title { get; init; }

    /// <summary>The marketing description; HTML allowed.</summary>
    public string? DescriptionHtml { get; init; }

    /// <summary>The manufacturer's name as Etilize spells it.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>The manufacturer's part number (Etilize <c>mfgpartno</c>).</summary>
    public string? ManufacturerPartNumber { get; init; }

    /// <summary>The barcode (UPC-A, EAN-13 or GTIN-14), unvalidated.</summary>
    public string? Upc { get; init; }

    /// <summary>The category, used as the product type.</summary>
    public string? Category { get; init; }

    /// <summary>The selling price from Xorosoft, when validation found one.</summary>
    public decimal? Price { get; init; }

    /// <summary>The unit cost from Xorosoft, when validation found one.</summary>
    public decimal? Cost { get; init; }

    /// <summary>The stock level from Xorosoft, when validation found one.</summary>
    public int? Quantity { get; init; }

    /// <summary>Image URLs, featured image first.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The file inside the ZIP the row came from, for error reports.</summary>
    public required string SourceFile { get; init; }

    /// <summary>The 1-based line of the row in <see cref="SourceFile"/>.</summary>
    public required int SourceLine { get; init; }

    /// <summary>The row's key among a batch's lookups: its SKU, or where it was read when it has none.</summary>
    /// <returns>The key.</returns>
    public string LookupKey() => Sku ?? $"{SourceFile}:{SourceLine}";

    /// <summary>How a person recognizes the row: its SKU, else its manufacturer and part number, else its barcode.</summary>
    /// <returns>The identity, e.g. <c>COS-1</c>, <c>Acme part A-1</c> or <c>UPC 072782000011</c>.</returns>
    public string Identity() =>
        Sku is not null ? Sku
        : ManufacturerPartNumber is not null ? $"{Manufacturer} part {ManufacturerPartNumber}".TrimStart()
        : Upc is not null ? $"UPC {Upc}"
        : $"{SourceFile} line {SourceLine}";
}

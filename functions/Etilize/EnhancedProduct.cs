namespace CowansSync.Functions.Etilize;

/// <summary>An active, non-accessory Enhanced Content product while its other files are joined to it.</summary>
/// <param name="Id">The Etilize product id.</param>
/// <param name="ManufacturerId">The manufacturer's id, looked up in the manufacturer file.</param>
/// <param name="PartNumber">The manufacturer's part number.</param>
/// <param name="CategoryId">The category's id, looked up in the category names file.</param>
/// <param name="Line">The product's line in the product file.</param>
internal sealed record EnhancedProduct(string Id, string ManufacturerId, string PartNumber, string CategoryId, int Line)
{
    /// <summary>The main title (description type 2).</summary>
    public string? Title { get; set; }

    /// <summary>The full description, HTML (description type 1).</summary>
    public string? DescriptionHtml { get; set; }

    /// <summary>The retailer's SKU: the product's SKU row of the most preferred SKU source it has.</summary>
    public string? Sku { get; set; }

    /// <summary>The preference of <see cref="Sku"/>'s source (0 is the first); <see cref="int.MaxValue"/> while it has none.</summary>
    public int SkuRank { get; set; } = int.MaxValue;

    /// <summary>Where the retailer's SKU was read, for reporting a repeated one.</summary>
    public (string File, int Line) SkuSource { get; set; }

    /// <summary>The barcode (the <c>UPC</c> SKU row).</summary>
    public string? Upc { get; set; }
}

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/xorosoft/validate</c>.</summary>
/// <param name="ProductSkus">The SKUs to check, 1 to 1,000.</param>
/// <param name="ValidationMode"><c>strict</c> (default) or <c>fuzzy</c>.</param>
public sealed record ValidateSkusRequest(IReadOnlyList<string>? ProductSkus, string? ValidationMode);

/// <summary>One SKU's verdict.</summary>
/// <param name="Valid">Whether Xorosoft carries it (under the mode).</param>
/// <param name="MatchType">exact, upc, mpn or fuzzy.</param>
/// <param name="Confidence">How sure the match is.</param>
/// <param name="XorosoftData">The ERP item, when found.</param>
public sealed record SkuValidation(bool Valid, string? MatchType, decimal Confidence, XorosoftProductView? XorosoftData);

/// <summary>The answer of <c>POST /api/xorosoft/validate</c>.</summary>
/// <param name="Validated">How many SKUs were checked.</param>
/// <param name="Results">The verdict per SKU.</param>
public sealed record ValidateSkusResult(int Validated, IReadOnlyDictionary<string, SkuValidation> Results);

/// <summary>An ERP item as the API shows it.</summary>
/// <param name="BasePart">The base part number.</param>
/// <param name="ItemNumber">The item number.</param>
/// <param name="Title">The ERP's description.</param>
/// <param name="StockLevel">Units available in the store Shopify mirrors.</param>
/// <param name="Price">The standard unit price.</param>
/// <param name="CostPrice">The standard unit cost.</param>
/// <param name="Manufacturer">The vendor.</param>
/// <param name="Upc">The barcode.</param>
/// <param name="Source"><c>live</c>, or <c>mirror</c> when the live API failed and the local copy answered.</param>
/// <param name="LastUpdated">When the data was read (live) or mirrored.</param>
/// <param name="LiveError">Why the live API did not answer, when <paramref name="Source"/> is <c>mirror</c>.</param>
public sealed record XorosoftProductView(
    string BasePart,
    string ItemNumber,
    string? Title,
    int? StockLevel,
    decimal? Price,
    decimal? CostPrice,
    string? Manufacturer,
    string? Upc,
    string Source,
    DateTimeOffset? LastUpdated,
    string? LiveError = null);

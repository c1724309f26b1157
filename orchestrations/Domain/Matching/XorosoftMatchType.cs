namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>How an item was found in Xorosoft (the API's <c>match_type</c>).</summary>
public enum XorosoftMatchType
{
    /// <summary>Xorosoft's item number equals the SKU.</summary>
    Exact,

    /// <summary>Xorosoft's item UPC equals the row's barcode.</summary>
    Upc,

    /// <summary>Xorosoft's base part number equals the row's manufacturer part number.</summary>
    Mpn,

    /// <summary>A weaker, similarity-based hit; only accepted in fuzzy validation mode.</summary>
    Fuzzy,
}

namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>Which signal matched a catalog row to a local product, strongest first.</summary>
public enum ProductMatchType
{
    /// <summary>Normalized SKUs are equal.</summary>
    ExactSku,

    /// <summary>Valid barcodes are the same GTIN.</summary>
    Upc,

    /// <summary>Mapped manufacturer and normalized part number are equal.</summary>
    ManufacturerAndPartNumber,

    /// <summary>The normalized part number is equal and the manufacturers do not contradict.</summary>
    PartNumberOnly,

    /// <summary>Several products share the part number; the one with the most similar title was picked.</summary>
    TitleSimilarity,
}

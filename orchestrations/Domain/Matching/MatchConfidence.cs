namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>The confidence of each matching signal (docs/DOMAIN.md "Matching an Etilize product").</summary>
public static class MatchConfidence
{
    /// <summary>The SKUs are equal after normalization.</summary>
    public const decimal ExactSku = 1.00m;

    /// <summary>The barcodes are the same valid GTIN.</summary>
    public const decimal Upc = 0.98m;

    /// <summary>Same manufacturer (after name mapping) and same part number.</summary>
    public const decimal ManufacturerAndPartNumber = 0.95m;

    /// <summary>Same part number, manufacturer unknown on one side.</summary>
    public const decimal PartNumberOnly = 0.85m;

    /// <summary>Weaker signals stay strictly below this, so no default rule ever auto-approves them.</summary>
    public const decimal WeakSignalCeiling = 0.80m;

    /// <summary>The highest confidence a weak signal gets (a perfect title similarity).</summary>
    public const decimal WeakSignalMaximum = 0.79m;
}

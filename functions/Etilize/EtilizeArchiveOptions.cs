namespace CowansSync.Functions.Etilize;

/// <summary>Limits that make a hostile or broken Etilize ZIP a refusal instead of an outage.</summary>
public sealed class EtilizeArchiveOptions
{
    /// <summary>The largest ZIP accepted, as stored.</summary>
    /// <value>The default value is 2 GiB.</value>
    public long MaxArchiveBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most entries an archive may hold (Etilize ships a handful of CSVs).</summary>
    /// <value>The default value is 1,000.</value>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>The most bytes all entries may inflate to together.</summary>
    /// <value>The default value is 8 GiB.</value>
    public long MaxUncompressedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>The highest uncompressed-to-compressed ratio an entry may have; CSV compresses about 10:1, a zip bomb far more.</summary>
    /// <value>The default value is 200.</value>
    public double MaxCompressionRatio { get; init; } = 200;
}

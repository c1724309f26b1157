using System.IO.Compression;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Etilize;

/// <summary>
/// The entries of an Etilize Enhanced Content drop, found by the end of their names (Etilize prefixes them with the
/// locale and the subscription, e.g. <c>EN_US_B_product.csv</c>). Every <c>*_productskus.csv</c> is read: Etilize may
/// ship one per SKU source.
/// </summary>
/// <param name="Products">The products (<c>*_B_product.csv</c>).</param>
/// <param name="Descriptions">The titles and descriptions (<c>*_B_productdescriptions.csv</c>).</param>
/// <param name="Skus">The SKU files (<c>*_productskus.csv</c>).</param>
/// <param name="Manufacturers">The manufacturer names (<c>G_manufacturer.csv</c>), if shipped.</param>
/// <param name="Categories">The category names (<c>*_categorynames.csv</c>), if shipped.</param>
internal sealed record EnhancedContentEntries(
    ZipArchiveEntry Products,
    ZipArchiveEntry Descriptions,
    IReadOnlyList<ZipArchiveEntry> Skus,
    ZipArchiveEntry? Manufacturers,
    ZipArchiveEntry? Categories)
{
    private const string ProductSuffix = "_B_product.csv";
    private const string DescriptionSuffix = "_B_productdescriptions.csv";
    private const string SkuSuffix = "_productskus.csv";

    /// <summary>The Enhanced Content entries of <paramref name="entries"/>, or <see langword="null"/> when it has no product file.</summary>
    /// <exception cref="CatalogFileRefusedException">There is a product file but no description or SKU file to join it with.</exception>
    public static EnhancedContentEntries? Find(IReadOnlyList<ZipArchiveEntry> entries)
    {
        var products = Single(entries, ProductSuffix);
        if (products is null)
        {
            return null;
        }

        var descriptions = Single(entries, DescriptionSuffix);
        var skus = entries.Where(e => EndsWith(e, SkuSuffix)).ToList();
        if (descriptions is null || skus.Count == 0)
        {
            throw new CatalogFileRefusedException("unknown_layout",
                $"The archive has the Etilize product file '{products.FullName}' but no '*{DescriptionSuffix}' or no '*{SkuSuffix}' to join it with.");
        }

        return new EnhancedContentEntries(products, descriptions, skus, Single(entries, "_manufacturer.csv"), Single(entries, "_categorynames.csv"));
    }

    private static ZipArchiveEntry? Single(IReadOnlyList<ZipArchiveEntry> entries, string suffix)
    {
        var matches = entries.Where(e => EndsWith(e, suffix)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new CatalogFileRefusedException("unknown_layout",
                $"The archive has {matches.Count} files ending in '{suffix}' ({string.Join(", ", matches.Select(e => e.FullName))}); expected one."),
        };
    }

    private static bool EndsWith(ZipArchiveEntry entry, string suffix) => entry.FullName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}

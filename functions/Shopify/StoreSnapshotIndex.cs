using System.IO.Compression;
using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// One store snapshot in memory: each product as gzip-compressed JSON by normalized SKU, and barcodes pointing at
/// SKUs — <c>upc:{GTIN-14}</c> for a valid GTIN, else <c>barcode:{trimmed barcode}</c> (ShopifyCatalog finds any barcode,
/// not only GTINs). Compressed, a product takes about a third of its JSON: 50,000 products hold some 25 MB.
/// </summary>
/// <remarks>
/// Immutable once read, so batches share it. One product per SKU and per barcode is kept: where the store holds two
/// products with one SKU or barcode, the later in the export wins.
/// </remarks>
internal sealed class StoreSnapshotIndex
{
    private readonly Dictionary<string, byte[]> _bySku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skuByBarcode = new(StringComparer.Ordinal);

    private StoreSnapshotIndex(string snapshotId) => SnapshotId = snapshotId;

    /// <summary>The snapshot.</summary>
    public string SnapshotId { get; }

    /// <summary>How many products it holds.</summary>
    public int Count => _bySku.Count;

    /// <summary>Reads a snapshot file: JSON lines of products, gzip-compressed.</summary>
    public static async Task<StoreSnapshotIndex> ReadAsync(string snapshotId, Stream file, CancellationToken cancellationToken)
    {
        var index = new StoreSnapshotIndex(snapshotId);
        using var lines = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<Product>(line, DomainJson.Options) is { } product)
            {
                index.Add(product, line);
            }
        }

        return index;
    }

    /// <summary>The barcode's key, or <see langword="null"/> for an empty one.</summary>
    public static string? BarcodeKey(string? barcode)
    {
        var trimmed = barcode?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        // A GTIN-14 (14 digits, valid check digit) never equals a barcode that is not a valid GTIN, so the two kinds cannot collide.
        return Gtin.TryParse(trimmed, out var gtin) ? $"upc:{gtin.Value}" : $"barcode:{trimmed}";
    }

    /// <summary>The product with this normalized SKU.</summary>
    public Product? BySku(string normalizedSku) => _bySku.TryGetValue(normalizedSku, out var compressed) ? Decompress(compressed) : null;

    /// <summary>The product with this barcode key (<see cref="BarcodeKey"/>).</summary>
    public Product? ByBarcodeKey(string key) => _skuByBarcode.TryGetValue(key, out var sku) ? BySku(sku) : null;

    private void Add(Product product, string json)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(json);
        }

        _bySku[product.Sku.Normalized] = compressed.ToArray();
        if (BarcodeKey(product.Upc) is { } barcode)
        {
            _skuByBarcode[barcode] = product.Sku.Normalized;
        }
    }

    private static Product Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<Product>(gzip, DomainJson.Options)!;
    }
}

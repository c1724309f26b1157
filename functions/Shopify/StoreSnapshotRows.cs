using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Shopify;

/// <summary>
/// The rows of table <c>storesnapshots</c>: a snapshot spread over <see cref="Buckets"/> partitions by row key
/// (<see cref="TableBuckets"/>), one row per product and key it is found by —
/// <c>sku:{normalized SKU}</c>, and for its barcode <c>upc:{GTIN-14}</c> when it is a valid GTIN, else
/// <c>barcode:{trimmed barcode}</c> (ShopifyCatalog finds any barcode, not only GTINs). Each row holds the whole
/// product as <see cref="CompressedJsonParts"/>.
/// </summary>
internal static class StoreSnapshotRows
{
    /// <summary>The table.</summary>
    public const string TableName = "storesnapshots";

    private const string What = "Store snapshot";

    /// <summary>Partitions per snapshot: one partition slows loading down (Azurite) or caps it (~2,000 entities/s on Azure).</summary>
    public const int Buckets = 32;

    /// <summary>The partition of a snapshot's row.</summary>
    public static string Partition(string snapshotId, string rowKey) => TableBuckets.Partition(TableKeyText.Escape(snapshotId), rowKey, Buckets);

    /// <summary>The row key of a normalized SKU.</summary>
    public static string SkuKey(string normalizedSku) => $"sku:{TableKeyText.Escape(normalizedSku)}";

    /// <summary>The row key of a barcode, or null for an empty one.</summary>
    public static string? BarcodeKey(string? barcode)
    {
        var trimmed = barcode?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        // A GTIN-14 (14 digits, valid check digit) never equals a barcode that is not a valid GTIN, so the two kinds cannot collide.
        return Gtin.TryParse(trimmed, out var gtin) ? $"upc:{gtin.Value}" : $"barcode:{TableKeyText.Escape(trimmed)}";
    }

    /// <summary>The rows of one product, and the compressed bytes each carries.</summary>
    public static (IReadOnlyList<TableEntity> Rows, int Bytes) ToRows(string snapshotId, Product product)
    {
        var compressed = CompressedJsonParts.Compress(product);
        var keys = new List<string>(2) { SkuKey(product.Sku.Normalized) };
        if (BarcodeKey(product.Upc) is { } barcodeKey)
        {
            keys.Add(barcodeKey);
        }

        var rows = new List<TableEntity>(keys.Count);
        foreach (var key in keys)
        {
            var row = new TableEntity(Partition(snapshotId, key), key);
            CompressedJsonParts.Write(row, compressed, $"Store product {product.Sku}");
            rows.Add(row);
        }

        return (rows, compressed.Length);
    }

    /// <summary>The product a row holds.</summary>
    public static Product FromRow(TableEntity row) => CompressedJsonParts.Read<Product>(row, What);
}

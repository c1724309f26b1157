using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// How an item is stored in the mirror table: one row per item, keyed by normalized item number in partitions
/// <c>item~{bucket:D2}</c>, with its available stock per store (column <c>Stock</c>, JSON) when the sync's inventory
/// listing gave it.
/// </summary>
internal static class XorosoftItemEntity
{
    // One partition would grow with the catalog and throttle the sync; 32 buckets keep each small.
    private const int Buckets = 32;
    private const string Prefix = "item";

    /// <summary>The partition of a row key.</summary>
    public static string PartitionOf(string rowKey) => TableBuckets.Partition(Prefix, rowKey, Buckets);

    /// <summary>Every partition.</summary>
    public static IEnumerable<string> Partitions =>
        Enumerable.Range(0, Buckets).Select(bucket => string.Create(CultureInfo.InvariantCulture, $"{Prefix}~{bucket:D2}"));

    /// <summary>The row of an item.</summary>
    public static TableEntity Create(XorosoftItem item, IReadOnlyDictionary<string, int>? stockByStore, DateTimeOffset syncedAt)
    {
        var rowKey = TableKeyText.Escape(Sku.Normalize(item.ItemNumber));
        return new(PartitionOf(rowKey), rowKey)
        {
            ["Stock"] = stockByStore is null ? null : JsonSerializer.Serialize(stockByStore),
            ["ItemNumber"] = item.ItemNumber,
            ["BasePartNumber"] = item.BasePartNumber,
            ["Title"] = item.Title,
            ["Manufacturer"] = item.Manufacturer,
            ["ManufacturerPartNumber"] = item.ManufacturerPartNumber,
            ["Upc"] = item.Upc,
            // Decimal has no EDM type; the invariant text keeps every digit.
            ["Price"] = item.Price?.ToString(CultureInfo.InvariantCulture),
            ["Cost"] = item.Cost?.ToString(CultureInfo.InvariantCulture),
            ["Active"] = item.Active,
            ["SyncedAt"] = syncedAt,
        };
    }

    /// <summary>The item, with its stock in <paramref name="stockStore"/>: 0 when the listing gave the item no row for
    /// that store, <see langword="null"/> when the mirror has no stock for the item at all.</summary>
    public static XorosoftItem Read(TableEntity entity, string stockStore) => new(
        entity.GetString("ItemNumber") ?? string.Empty,
        entity.GetString("BasePartNumber") ?? string.Empty,
        entity.GetString("Title"),
        entity.GetString("Manufacturer"),
        entity.GetString("ManufacturerPartNumber"),
        entity.GetString("Upc"),
        ParseDecimal(entity.GetString("Price")),
        ParseDecimal(entity.GetString("Cost")),
        StockIn(entity, stockStore),
        entity.GetBoolean("Active") ?? true);

    private static int? StockIn(TableEntity entity, string store)
    {
        if (entity.GetString("Stock") is not { } json)
        {
            return null;
        }

        var stockByStore = new Dictionary<string, int>(JsonSerializer.Deserialize<Dictionary<string, int>>(json)!, StringComparer.OrdinalIgnoreCase);
        return stockByStore.GetValueOrDefault(store);
    }

    private static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

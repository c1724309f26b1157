using System.Globalization;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>How an item is stored in the mirror table; every index row carries the whole item, so a lookup is one point read.</summary>
internal static class XorosoftItemEntity
{
    // One partition per index would grow with the catalog and throttle the sync; 32 buckets keep each small.
    private const int Buckets = 32;

    /// <summary>The partition of an index's row key.</summary>
    public static string PartitionOf(string index, string rowKey) => TableBuckets.Partition(index, rowKey, Buckets);

    /// <summary>Every partition of an index.</summary>
    public static IEnumerable<string> PartitionsOf(string index) =>
        Enumerable.Range(0, Buckets).Select(bucket => string.Create(CultureInfo.InvariantCulture, $"{index}~{bucket:D2}"));

    public static TableEntity Create(string index, string key, XorosoftItem item, DateTimeOffset syncedAt)
    {
        var rowKey = TableKeyText.Escape(key);
        return new(PartitionOf(index, rowKey), rowKey)
        {
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

    public static XorosoftItem Read(TableEntity entity) => new(
        entity.GetString("ItemNumber") ?? string.Empty,
        entity.GetString("BasePartNumber") ?? string.Empty,
        entity.GetString("Title"),
        entity.GetString("Manufacturer"),
        entity.GetString("ManufacturerPartNumber"),
        entity.GetString("Upc"),
        ParseDecimal(entity.GetString("Price")),
        ParseDecimal(entity.GetString("Cost")),
        Stock: null,
        entity.GetBoolean("Active") ?? true);

    private static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}

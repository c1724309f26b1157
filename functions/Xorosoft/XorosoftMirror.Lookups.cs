using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>Lookups: one point read each (the key gives the bucket), except the fuzzy mode's prefix range over every bucket.</summary>
public sealed partial class XorosoftMirror
{
    /// <summary>The item with this item number (compared as a normalized SKU).</summary>
    /// <param name="itemNumber">The item number or SKU.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public Task<XorosoftItem?> FindByItemNumberAsync(string itemNumber, CancellationToken cancellationToken = default) =>
        FindAsync(ItemIndex, Sku.Normalize(itemNumber), cancellationToken);

    /// <summary>The item with this barcode (UPC-A, EAN-13 or GTIN-14).</summary>
    /// <param name="upc">The barcode.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/> (also for an invalid barcode).</returns>
    public Task<XorosoftItem?> FindByUpcAsync(string upc, CancellationToken cancellationToken = default) =>
        Gtin.TryParse(upc, out var gtin) ? FindAsync(UpcIndex, gtin.Value, cancellationToken) : Task.FromResult<XorosoftItem?>(null);

    /// <summary>The item with this manufacturer part number (or base part number), compared normalized.</summary>
    /// <param name="partNumber">The part number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public Task<XorosoftItem?> FindByPartNumberAsync(string partNumber, CancellationToken cancellationToken = default) =>
        FindAsync(MpnIndex, PartNumber.Normalize(partNumber), cancellationToken);

    /// <summary>Items whose normalized part number starts with <paramref name="prefix"/> (the fuzzy mode's candidates).</summary>
    /// <param name="prefix">A normalized part number prefix (letters and digits, upper-case).</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The candidates, in key order.</returns>
    public async Task<IReadOnlyList<XorosoftItem>> FindByPartNumberPrefixAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);

        // A prefix spans every bucket: each gives its first keys in order, and the merge keeps the overall first.
        var buckets = await Task.WhenAll(XorosoftItemEntity.PartitionsOf(MpnIndex).Select(partition => QueryRangeAsync(table, partition, prefix, upper, limit, cancellationToken)));
        return [.. buckets
            .SelectMany(rows => rows)
            .OrderBy(row => row.RowKey, StringComparer.Ordinal)
            .Take(limit)
            .Select(row => row.Item)];
    }

    private async Task<List<(string RowKey, XorosoftItem Item)>> QueryRangeAsync(TableClient table, string partition, string from, string to, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        var found = new List<(string RowKey, XorosoftItem Item)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            found.Add((entity.RowKey, XorosoftItemEntity.Read(entity, _stockStore)));
            if (found.Count >= limit)
            {
                break;
            }
        }

        return found;
    }

    private async Task<XorosoftItem?> FindAsync(string index, string key, CancellationToken cancellationToken)
    {
        if (key.Length == 0)
        {
            return null;
        }

        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var rowKey = TableKeyText.Escape(key);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(XorosoftItemEntity.PartitionOf(index, rowKey), rowKey, cancellationToken: cancellationToken);
        return entity.HasValue ? XorosoftItemEntity.Read(entity.Value!, _stockStore) : null;
    }
}

using CowansSync.Functions.Storage.Tables;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>Lookups: one point read each, except the fuzzy mode's prefix range.</summary>
public sealed partial class XorosoftMirror
{
    /// <summary>The item with this item number (compared as a normalized SKU).</summary>
    /// <param name="itemNumber">The item number or SKU.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public Task<XorosoftItem?> FindByItemNumberAsync(string itemNumber, CancellationToken cancellationToken = default) =>
        FindAsync(ItemPartition, Sku.Normalize(itemNumber), cancellationToken);

    /// <summary>The item with this barcode (UPC-A, EAN-13 or GTIN-14).</summary>
    /// <param name="upc">The barcode.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/> (also for an invalid barcode).</returns>
    public Task<XorosoftItem?> FindByUpcAsync(string upc, CancellationToken cancellationToken = default) =>
        Gtin.TryParse(upc, out var gtin) ? FindAsync(UpcPartition, gtin.Value, cancellationToken) : Task.FromResult<XorosoftItem?>(null);

    /// <summary>The item with this manufacturer part number (or base part number), compared normalized.</summary>
    /// <param name="partNumber">The part number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public Task<XorosoftItem?> FindByPartNumberAsync(string partNumber, CancellationToken cancellationToken = default) =>
        FindAsync(MpnPartition, PartNumber.Normalize(partNumber), cancellationToken);

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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MpnPartition} and RowKey ge {prefix} and RowKey lt {upper}");
        var found = new List<XorosoftItem>();
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            found.Add(XorosoftItemEntity.Read(entity));
            if (found.Count >= limit)
            {
                break;
            }
        }

        return found;
    }

    private async Task<XorosoftItem?> FindAsync(string partition, string key, CancellationToken cancellationToken)
    {
        if (key.Length == 0)
        {
            return null;
        }

        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync(partition, TableKeyText.Escape(key), cancellationToken: cancellationToken);
        return entity.HasValue ? XorosoftItemEntity.Read(entity.Value!) : null;
    }
}

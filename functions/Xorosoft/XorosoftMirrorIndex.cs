using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// One sync of the mirror, in memory, for validating batches without a table request per row: items by normalized
/// item number, by GTIN-14 and by normalized part number (manufacturer part number and base part number), and the
/// part numbers in order for the fuzzy mode's prefix search. Immutable, so batches share it freely.
/// </summary>
/// <remarks>
/// A barcode or part number several items carry identifies none of them (<see langword="null"/>), as in matching:
/// ambiguity is never guessed away. About 0.5 KB an item: 50,000 items hold some 25 MB.
/// </remarks>
public sealed class XorosoftMirrorIndex
{
    private readonly Dictionary<string, XorosoftItem> _byItemNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, XorosoftItem?> _byUpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<XorosoftItem>> _byPartNumber = new(StringComparer.Ordinal);
    private readonly string[] _partNumbers;

    /// <summary>Indexes the items of a sync.</summary>
    /// <param name="syncedAt">When the sync completed (<see cref="XorosoftMirrorState.SyncedAt"/>).</param>
    /// <param name="items">The mirror's items.</param>
    public XorosoftMirrorIndex(DateTimeOffset syncedAt, IEnumerable<XorosoftItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        SyncedAt = syncedAt;
        foreach (var item in items)
        {
            _byItemNumber[Sku.Normalize(item.ItemNumber)] = item;
            if (Gtin.TryParse(item.Upc, out var gtin))
            {
                // A second item with the barcode makes it ambiguous.
                _byUpc[gtin.Value] = _byUpc.ContainsKey(gtin.Value) ? null : item;
            }

            foreach (var partNumber in PartNumbersOf(item))
            {
                if (!_byPartNumber.TryGetValue(partNumber, out var carriers))
                {
                    carriers = [];
                    _byPartNumber[partNumber] = carriers;
                }

                carriers.Add(item);
            }
        }

        _partNumbers = [.. _byPartNumber.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>When the indexed sync completed.</summary>
    public DateTimeOffset SyncedAt { get; }

    /// <summary>How many items it holds.</summary>
    public int Count => _byItemNumber.Count;

    /// <summary>Every item, in no particular order.</summary>
    public IEnumerable<XorosoftItem> Items => _byItemNumber.Values;

    /// <summary>The item with this item number (compared as a normalized SKU).</summary>
    /// <param name="itemNumber">The item number or SKU.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public XorosoftItem? ByItemNumber(string itemNumber) => _byItemNumber.GetValueOrDefault(Sku.Normalize(itemNumber));

    /// <summary>The one item with this barcode (UPC-A, EAN-13 or GTIN-14).</summary>
    /// <param name="upc">The barcode.</param>
    /// <returns>The item, or <see langword="null"/> when none or several carry it, or the barcode is invalid.</returns>
    public XorosoftItem? ByUpc(string? upc) => Gtin.TryParse(upc, out var gtin) ? _byUpc.GetValueOrDefault(gtin.Value) : null;

    /// <summary>The one item with this part number, of this manufacturer when one is given.</summary>
    /// <param name="partNumber">The manufacturer part number, compared normalized.</param>
    /// <param name="manufacturer">The maker the item's vendor must be (compared normalized), or <see langword="null"/> for any.</param>
    /// <returns>The item, or <see langword="null"/> when none or several match.</returns>
    public XorosoftItem? ByPartNumber(string? partNumber, string? manufacturer = null)
    {
        if (!_byPartNumber.TryGetValue(PartNumber.Normalize(partNumber), out var carriers))
        {
            return null;
        }

        var maker = ManufacturerName.Normalize(manufacturer);
        var matching = maker.Length == 0 ? carriers : carriers.Where(item => ManufacturerName.Normalize(item.Manufacturer) == maker).ToList();
        return matching.DistinctBy(item => Sku.Normalize(item.ItemNumber)).Take(2).Count() == 1 ? matching[0] : null;
    }

    /// <summary>Items whose normalized part number starts with <paramref name="prefix"/>, in part-number order.</summary>
    /// <param name="prefix">A normalized part number prefix (letters and digits, upper-case).</param>
    /// <param name="limit">At most this many.</param>
    /// <returns>The candidates.</returns>
    public IReadOnlyList<XorosoftItem> ByPartNumberPrefix(string prefix, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var start = Array.BinarySearch(_partNumbers, prefix, StringComparer.Ordinal);
        var candidates = new List<XorosoftItem>();
        for (var i = start < 0 ? ~start : start; i < _partNumbers.Length && _partNumbers[i].StartsWith(prefix, StringComparison.Ordinal) && candidates.Count < limit; i++)
        {
            candidates.AddRange(_byPartNumber[_partNumbers[i]].Take(limit - candidates.Count));
        }

        return candidates;
    }

    private static IEnumerable<string> PartNumbersOf(XorosoftItem item) =>
        new[] { item.ManufacturerPartNumber, item.BasePartNumber }.Select(PartNumber.Normalize).Where(key => key.Length > 0).Distinct(StringComparer.Ordinal);
}

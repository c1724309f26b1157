using System.Collections.Concurrent;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// Validates a batch of rows against Xorosoft: the mirror's in-memory index first (item number 1.00, UPC 0.98, part
/// number 0.85; no table request per row),
/// the live API for a row the mirror does not know once the mirror may be stale (<see cref="XorosoftOptions.LiveLookupAfter"/>),
/// and the stock store's available quantity for every item found. Costs per row: none when the mirror knows the item and its stock; one inventory request when it
/// lacks the stock, plus one product request when it lacks the item.
/// </summary>
/// <remarks>
/// Fuzzy mode, only for rows nothing else found: the mirror's items whose normalized part number shares the row's
/// first six part-number characters are scored by <see cref="TitleSimilarity"/> against the row's title; the best at
/// or above 0.6 is a hit with confidence similarity × 0.79 (so always below the weak-signal ceiling). No API calls.
/// </remarks>
public sealed partial class XorosoftCatalog(
    XorosoftMirror mirror,
    XorosoftClient client,
    IOptions<XorosoftOptions> options,
    TimeProvider time,
    ILogger<XorosoftCatalog> logger) : IXorosoftCatalog
{
    private const int FuzzyPrefixLength = 6;
    private const int FuzzyCandidateLimit = 50;
    private const decimal FuzzyMinimumSimilarity = 0.6m;

    // Lookups in the index take no time; the parallelism serves the live requests, which the client's three slots bound.
    private const int ParallelLookups = 8;

    /// <summary>Requests sent to Xorosoft so far by this process (for "Xorosoft requests per product").</summary>
    public long RequestCount => client.RequestCount;

    /// <inheritdoc />
    public Task PrepareAsync(CancellationToken cancellationToken) => mirror.GetIndexAsync(options.Value.MirrorMaxAge, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, XorosoftLookup>> ValidateAsync(IReadOnlyList<CatalogItem> items, XorosoftValidationMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var index = await mirror.GetIndexAsync(options.Value.MirrorMaxAge, cancellationToken);
        var lookUpMissesLive = time.GetUtcNow() - index.SyncedAt >= options.Value.LiveLookupAfter;

        var results = new ConcurrentDictionary<string, XorosoftLookup>(StringComparer.Ordinal);
        var distinct = items.DistinctBy(item => item.LookupKey(), StringComparer.Ordinal);
        await Parallel.ForEachAsync(distinct, new ParallelOptions { MaxDegreeOfParallelism = ParallelLookups, CancellationToken = cancellationToken }, async (item, token) =>
            results[item.LookupKey()] = await LookUpAsync(index, item, mode, lookUpMissesLive, token));

        LogValidated(results.Count, results.Values.Count(lookup => lookup.Validation.Valid), client.RequestCount);
        return new Dictionary<string, XorosoftLookup>(results, StringComparer.Ordinal);
    }

    private async Task<XorosoftLookup> LookUpAsync(XorosoftMirrorIndex index, CatalogItem row, XorosoftValidationMode mode, bool lookUpMissesLive, CancellationToken cancellationToken)
    {
        var (validation, item) = await FindAsync(index, row, mode, lookUpMissesLive, cancellationToken);
        if (item is null)
        {
            return new XorosoftLookup(XorosoftValidation.NotFound, null);
        }

        if (item.Stock is not null)
        {
            return new XorosoftLookup(validation, item);
        }

        var store = options.Value.StockStore;
        var stock = await client.GetInventoryAsync(item.ItemNumber, [store], cancellationToken);
        var available = stock.FirstOrDefault(row => string.Equals(row.StoreName, store, StringComparison.OrdinalIgnoreCase));
        return new XorosoftLookup(validation, item with { Stock = available?.AvailableQuantity });
    }

    private async Task<(XorosoftValidation Validation, XorosoftItem? Item)> FindAsync(
        XorosoftMirrorIndex index, CatalogItem row, XorosoftValidationMode mode, bool lookUpMissesLive, CancellationToken cancellationToken)
    {
        if (row.Sku is null)
        {
            return FindWithoutSku(index, row);
        }

        if (index.ByItemNumber(row.Sku) is { } byNumber)
        {
            return (XorosoftValidation.Matched(XorosoftMatchType.Exact, byNumber.ItemNumber), byNumber);
        }

        if (index.ByUpc(row.Upc) is { } byUpc)
        {
            return (XorosoftValidation.Matched(XorosoftMatchType.Upc, byUpc.ItemNumber), byUpc);
        }

        if (index.ByPartNumber(row.ManufacturerPartNumber) is { } byPart)
        {
            return (XorosoftValidation.Matched(XorosoftMatchType.Mpn, byPart.ItemNumber), byPart);
        }

        if (lookUpMissesLive && await FindLiveAsync(row.Sku, cancellationToken) is { } live)
        {
            return (XorosoftValidation.Matched(XorosoftMatchType.Exact, live.ItemNumber), live);
        }

        return mode == XorosoftValidationMode.Fuzzy ? FindFuzzy(index, row) : (XorosoftValidation.NotFound, null);
    }

    // Etilize's first preference for a product without the retailer's SKU: the maker and its part number; then the barcode.
    private static (XorosoftValidation Validation, XorosoftItem? Item) FindWithoutSku(XorosoftMirrorIndex index, CatalogItem row) =>
        row.Manufacturer is { } maker && index.ByPartNumber(row.ManufacturerPartNumber, maker) is { } byPart
            ? (XorosoftValidation.Matched(XorosoftMatchType.Mpn, byPart.ItemNumber), byPart)
            : index.ByUpc(row.Upc) is { } byUpc
            ? (XorosoftValidation.Matched(XorosoftMatchType.Upc, byUpc.ItemNumber), byUpc)
            : (XorosoftValidation.NotFound, null);

    private async Task<XorosoftItem?> FindLiveAsync(string sku, CancellationToken cancellationToken)
    {
        var normalized = Sku.Normalize(sku);
        if (normalized.Length == 0)
        {
            return null;
        }

        var items = await client.GetProductAsync(sku, cancellationToken);
        if (items.Count == 0)
        {
            return null;
        }

        await mirror.StoreAsync(items, cancellationToken);
        return items.FirstOrDefault(item => Sku.Normalize(item.ItemNumber) == normalized);
    }

    private static (XorosoftValidation Validation, XorosoftItem? Item) FindFuzzy(XorosoftMirrorIndex index, CatalogItem row)
    {
        var key = PartNumber.Normalize(row.ManufacturerPartNumber);
        if (key.Length < FuzzyPrefixLength || string.IsNullOrWhiteSpace(row.Title))
        {
            return (XorosoftValidation.NotFound, null);
        }

        var candidates = index.ByPartNumberPrefix(key[..FuzzyPrefixLength], FuzzyCandidateLimit);
        var best = candidates
            .Select(candidate => (Item: candidate, Similarity: TitleSimilarity.Of(row.Title, candidate.Title)))
            .Where(scored => scored.Similarity >= FuzzyMinimumSimilarity)
            .MaxBy(scored => scored.Similarity);
        return best.Item is null
            ? (XorosoftValidation.NotFound, null)
            : (XorosoftValidation.FuzzyMatch(best.Item.ItemNumber, Math.Round(best.Similarity * MatchConfidence.WeakSignalMaximum, 2)), best.Item);
    }

    [LoggerMessage(1, LogLevel.Information, "Validated {Rows} rows against Xorosoft: {Found} found; {TotalRequests} Xorosoft requests by this process so far")]
    private partial void LogValidated(int rows, int found, long totalRequests);
}

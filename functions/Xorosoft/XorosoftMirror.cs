using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// A local copy of Xorosoft's item catalog with each item's available stock per store (table <c>xorosoftitems</c>),
/// so validating a batch costs no API calls: one row per item (<see cref="XorosoftItemEntity"/>), spread over 32
/// partitions so none grows with the catalog, and partition <c>state</c> recording the last sync. Batches look items
/// up in memory (<see cref="GetIndexAsync"/>), by item number, barcode or part number, without a request per row.
/// </summary>
/// <remarks>
/// Every write is an unconditional upsert of what Xorosoft says, so a repeated or concurrent sync leaves the same
/// rows; after a complete listing, rows it did not touch (items Xorosoft dropped) are deleted. Between syncs the
/// mirror may miss new items: once it is older than <c>Xorosoft__LiveLookupAfter</c>, the catalog asks the API for
/// what the mirror does not know.
/// </remarks>
public sealed partial class XorosoftMirror : IDisposable
{
    /// <summary>The table.</summary>
    public const string DefaultTableName = "xorosoftitems";

    private const int PageSize = 500;
    // The sync writes the whole catalog while the import's other first steps run; a transaction's latency, not the
    // service, bounds it, so many are in flight (12: 45,000 items in about 20 s on Azurite, against 24 s with 4).
    private const int TransactionsInFlight = 12;
    private const int MaxPages = 10_000;
    private const string StatePartition = "state";
    private const string StateRow = "sync";
    private static readonly IReadOnlyDictionary<string, Dictionary<string, int>> NoStock = new Dictionary<string, Dictionary<string, int>>();

    // Instances' clocks differ a little; a row is stale only when clearly older than this sync.
    private static readonly TimeSpan PruneMargin = TimeSpan.FromMinutes(5);

    private readonly XorosoftClient _client;
    private readonly StorageClients _storage;
    private readonly TimeProvider _time;
    private readonly ILogger<XorosoftMirror> _logger;
    private readonly string _stockStore;
    private readonly string _tableName;
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private XorosoftMirrorIndex? _index;

    /// <summary>Creates the mirror.</summary>
    /// <param name="client">The Xorosoft API.</param>
    /// <param name="storage">The app's storage.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The log.</param>
    /// <param name="stockStore">The store whose stock lookups give (<c>Xorosoft__StockStore</c>).</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> unless a test isolates itself.</param>
    public XorosoftMirror(XorosoftClient client, StorageClients storage, TimeProvider time, ILogger<XorosoftMirror> logger, string stockStore, string tableName = DefaultTableName)
    {
        _stockStore = stockStore;
        _client = client;
        _storage = storage;
        _time = time;
        _logger = logger;
        _tableName = tableName;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _syncing.Dispose();
        _loading.Dispose();
    }

    /// <summary>The last completed sync, or <see langword="null"/> when the mirror was never synced.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state.</returns>
    public async Task<XorosoftMirrorState?> GetStateAsync(CancellationToken cancellationToken = default)
    {
        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var state = await table.GetEntityIfExistsAsync<TableEntity>(StatePartition, StateRow, cancellationToken: cancellationToken);
        return state.HasValue && state.Value!.GetDateTimeOffset("SyncedAt") is { } syncedAt
            ? new XorosoftMirrorState(syncedAt, state.Value.GetInt32("ItemCount") ?? 0)
            : null;
    }

    /// <summary>Syncs when the mirror is empty or its last sync is older than <paramref name="maxAge"/>.</summary>
    /// <param name="maxAge">How old the mirror may be (<c>Xorosoft__MirrorMaxAge</c>).</param>
    /// <param name="cancellationToken">Stops the sync.</param>
    /// <returns>The state after the call.</returns>
    public async Task<XorosoftMirrorState> EnsureFreshAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        if (await GetStateAsync(cancellationToken) is { } state && _time.GetUtcNow() - state.SyncedAt < maxAge)
        {
            return state;
        }

        await _syncing.WaitAsync(cancellationToken);
        try
        {
            // Another caller in this process may have synced while this one waited.
            return await GetStateAsync(cancellationToken) is { } fresh && _time.GetUtcNow() - fresh.SyncedAt < maxAge
                ? fresh
                : await SyncCoreAsync(cancellationToken);
        }
        finally
        {
            _syncing.Release();
        }
    }

    /// <summary>
    /// Copies the whole listing into the mirror, page by page (500 products), each item with its stock from the
    /// inventory listing read first, and records the sync.
    /// </summary>
    /// <param name="cancellationToken">Stops the sync; the pages written so far stay.</param>
    /// <returns>The new state.</returns>
    /// <exception cref="XorosoftApiException">Xorosoft refused the listing.</exception>
    public async Task<XorosoftMirrorState> SyncAsync(CancellationToken cancellationToken = default)
    {
        await _syncing.WaitAsync(cancellationToken);
        try
        {
            return await SyncCoreAsync(cancellationToken);
        }
        finally
        {
            _syncing.Release();
        }
    }

    /// <summary>Upserts items the live API returned, so the next lookup of them is local.</summary>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the rows are written.</returns>
    public async Task StoreAsync(IReadOnlyCollection<XorosoftItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > 0)
        {
            var table = await _storage.GetTableAsync(_tableName, cancellationToken);
            await UpsertAsync(table, items, NoStock, _time.GetUtcNow(), cancellationToken);
        }
    }

    private async Task<XorosoftMirrorState> SyncCoreAsync(CancellationToken cancellationToken)
    {
        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var startedAt = _time.GetUtcNow();
        var stock = await ListStockAsync(cancellationToken);
        var count = 0;
        var synced = new List<XorosoftItem>();
        await using var upserts = new TableUpsertBatcher(table, TransactionsInFlight);
        await foreach (var items in PagesAsync(page => _client.ListProductsAsync(page, PageSize, cancellationToken), item => item.ItemNumber))
        {
            foreach (var entity in Entities(items, stock, _time.GetUtcNow()))
            {
                await upserts.AddAsync(entity, binaryBytes: 0, cancellationToken);
                synced.Add(XorosoftItemEntity.Read(entity, _stockStore));
            }

            count += items.Count;
        }

        await upserts.CompleteAsync(cancellationToken);

        var pruned = await PruneAsync(table, startedAt - PruneMargin, cancellationToken);

        var state = new XorosoftMirrorState(_time.GetUtcNow(), count);
        await table.UpsertEntityAsync(
            new TableEntity(StatePartition, StateRow) { ["SyncedAt"] = state.SyncedAt, ["ItemCount"] = state.ItemCount },
            TableUpdateMode.Replace,
            cancellationToken);
        LogSynced(count, pruned, state.SyncedAt - startedAt);

        // This sync's index is what it just wrote, read as a load would read it: loading it back would cost a pass over the table.
        _index = new XorosoftMirrorIndex(state.SyncedAt, synced);
        return state;
    }

    // Every item's stock per store, by normalized item number. An API that lists inventory only per item leaves the
    // mirror without stock; validation then asks for each item's stock, as it did before the mirror held any.
    private async Task<IReadOnlyDictionary<string, Dictionary<string, int>>> ListStockAsync(CancellationToken cancellationToken)
    {
        var stock = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        try
        {
            await foreach (var rows in PagesAsync(page => _client.ListInventoryAsync(page, PageSize, cancellationToken), row => row.ItemNumber))
            {
                foreach (var row in rows)
                {
                    var key = Sku.Normalize(row.ItemNumber);
                    if (!stock.TryGetValue(key, out var stores))
                    {
                        stores = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                        stock[key] = stores;
                    }

                    stores[row.Stock.StoreName] = row.Stock.AvailableQuantity;
                }
            }
        }
        catch (XorosoftApiException error)
        {
            LogNoInventoryListing(error.Message);
            stock.Clear();
        }

        return stock;
    }

    // Reads pages in order until one is empty, asking for as many at once as Xorosoft serves (so up to two pages past
    // the empty one are asked for in vain). An endpoint that ignores page answers page 1 forever; stop instead of listing it ten
    // thousand times.
    private static async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(Func<int, Task<IReadOnlyList<T>>> pageAsync, Func<T, string> keyOf)
    {
        var ahead = new Queue<Task<IReadOnlyList<T>>>();
        try
        {
            string? previousFirst = null;
            for (var page = 1; page <= MaxPages; page++)
            {
                while (ahead.Count < XorosoftClient.MaxConcurrentRequests && page + ahead.Count <= MaxPages)
                {
                    ahead.Enqueue(pageAsync(page + ahead.Count));
                }

                var rows = await ahead.Dequeue();
                if (rows.Count == 0)
                {
                    yield break;
                }

                if (string.Equals(keyOf(rows[0]), previousFirst, StringComparison.Ordinal))
                {
                    throw new XorosoftApiException($"Xorosoft's listing returned the same items for pages {page - 1} and {page}; it seems to ignore paging.");
                }

                previousFirst = keyOf(rows[0]);
                yield return rows;
            }
        }
        finally
        {
            // The pages asked for past the end (or past a failure) are not needed, but none is left running.
            await Task.WhenAll(ahead.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task UpsertAsync(
        TableClient table, IEnumerable<XorosoftItem> items, IReadOnlyDictionary<string, Dictionary<string, int>> stock, DateTimeOffset syncedAt, CancellationToken cancellationToken)
    {
        await using var upserts = new TableUpsertBatcher(table, TransactionsInFlight);
        foreach (var entity in Entities(items, stock, syncedAt))
        {
            await upserts.AddAsync(entity, binaryBytes: 0, cancellationToken);
        }

        await upserts.CompleteAsync(cancellationToken);
    }

    // The rows of the items with an item number; a batcher gathers them per bucket across pages, so 32 buckets still fill 100-entity transactions.
    private static IEnumerable<TableEntity> Entities(IEnumerable<XorosoftItem> items, IReadOnlyDictionary<string, Dictionary<string, int>> stock, DateTimeOffset syncedAt)
        => items.Where(item => Sku.Normalize(item.ItemNumber).Length > 0)
            .Select(item => XorosoftItemEntity.Create(item, stock.GetValueOrDefault(Sku.Normalize(item.ItemNumber)), syncedAt));

    /// <summary>
    /// Deletes rows no write has touched since <paramref name="before"/>: items the completed listing no longer has
    /// (and the barcode and part-number rows earlier versions wrote). Each row is written with the time of its write, so a row a concurrent sync
    /// wrote after this one started is newer and stays; a delete is conditional on the version read, so a row
    /// rewritten meanwhile stays too.
    /// </summary>
    private static async Task<int> PruneAsync(TableClient table, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ne {StatePartition} and SyncedAt lt {before}");
        var pruned = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken);
                pruned++;
            }
            catch (RequestFailedException error) when (error.Status == 412)
            {
                // Rewritten since the query read it: current again, so it stays.
                continue;
            }
        }

        return pruned;
    }

    [LoggerMessage(2, LogLevel.Warning, "Xorosoft refused the inventory listing ({Reason}); the mirror holds no stock and validation asks for each item's")]
    private partial void LogNoInventoryListing(string reason);

    [LoggerMessage(1, LogLevel.Information, "Synced the Xorosoft mirror: {ItemCount} items, {Pruned} stale rows removed, in {Duration}")]
    private partial void LogSynced(int itemCount, int pruned, TimeSpan duration);
}

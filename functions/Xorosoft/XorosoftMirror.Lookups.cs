using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Xorosoft;

/// <summary>
/// Lookups: one point read for a single item; for batches, the whole sync in memory, kept by the process that synced
/// and read once per sync by partition queries in the others.
/// </summary>
public sealed partial class XorosoftMirror
{
    // Partition queries in flight while loading the index.
    private const int LoadsInFlight = 4;

    /// <summary>The item with this item number (compared as a normalized SKU).</summary>
    /// <param name="itemNumber">The item number or SKU.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public async Task<XorosoftItem?> FindByItemNumberAsync(string itemNumber, CancellationToken cancellationToken = default)
    {
        var key = Sku.Normalize(itemNumber);
        if (key.Length == 0)
        {
            return null;
        }

        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var rowKey = TableKeyText.Escape(key);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(XorosoftItemEntity.PartitionOf(rowKey), rowKey, cancellationToken: cancellationToken);
        return entity.HasValue ? XorosoftItemEntity.Read(entity.Value!, _stockStore) : null;
    }

    /// <summary>
    /// The mirror's items in memory, synced first when older than <paramref name="maxAge"/> (<see cref="EnsureFreshAsync"/>).
    /// This process reads them again, one query per partition, only when another sync has completed since.
    /// </summary>
    /// <param name="maxAge">How old the mirror may be (<c>Xorosoft__MirrorMaxAge</c>).</param>
    /// <param name="cancellationToken">Stops the sync or the reads.</param>
    /// <returns>The index of the current sync.</returns>
    public async Task<XorosoftMirrorIndex> GetIndexAsync(TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        var state = await EnsureFreshAsync(maxAge, cancellationToken);
        if (_index is { } current && current.SyncedAt == state.SyncedAt)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Another batch in this process may have loaded it while this one waited.
            if (_index is not { } loaded || loaded.SyncedAt != state.SyncedAt)
            {
                _index = await LoadIndexAsync(state.SyncedAt, cancellationToken);
                LogIndexLoaded(_index.Count, state.SyncedAt);
            }

            return _index;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<XorosoftMirrorIndex> LoadIndexAsync(DateTimeOffset syncedAt, CancellationToken cancellationToken)
    {
        var table = await _storage.GetTableAsync(_tableName, cancellationToken);
        var partitions = XorosoftItemEntity.Partitions.ToList();
        var items = new List<XorosoftItem>[partitions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions.Count), new ParallelOptions { MaxDegreeOfParallelism = LoadsInFlight, CancellationToken = cancellationToken }, async (i, token) =>
        {
            items[i] = [];
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitions[i]}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: token))
            {
                items[i].Add(XorosoftItemEntity.Read(entity, _stockStore));
            }
        });
        return new XorosoftMirrorIndex(syncedAt, items.SelectMany(partition => partition));
    }

    [LoggerMessage(3, LogLevel.Information, "Loaded the Xorosoft mirror of {SyncedAt} into memory: {ItemCount} items")]
    private partial void LogIndexLoaded(int itemCount, DateTimeOffset syncedAt);
}

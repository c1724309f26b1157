namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// Upserts (replace) entities of many partitions: each partition's entities gather until they fill a 100-entity
/// transaction, and several transactions are in flight, so rows spread over buckets still travel in full transactions.
/// </summary>
/// <remarks>
/// A later entity with the same keys replaces a queued one; a partition waits for its own transaction in flight before
/// sending the next, so the later of two writes of one row is the one that stays. Dispose it (await using) even on
/// failure: disposing waits for the transactions still in flight.
/// </remarks>
internal sealed class TablePartitionedUpserts(TableClient table, int maxInFlight) : IAsyncDisposable
{
    private const int MaxEntities = 100;

    private readonly Dictionary<string, Dictionary<string, TableEntity>> _queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Queues an entity, sending its partition's transaction once it is full.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Stops waiting for a free transaction slot.</param>
    /// <returns>A task that completes when the entity is queued.</returns>
    public async Task AddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (!_queued.TryGetValue(entity.PartitionKey, out var rows))
        {
            rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            _queued[entity.PartitionKey] = rows;
        }

        rows[entity.RowKey] = entity;
        if (rows.Count == MaxEntities)
        {
            await SubmitAsync(entity.PartitionKey, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends every partition's queued entities and waits for every transaction.</summary>
    /// <param name="cancellationToken">Stops the sends.</param>
    /// <returns>A task that completes when everything is written.</returns>
    /// <exception cref="TableTransactionFailedException">A transaction failed.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _queued.Keys.ToList())
        {
            await SubmitAsync(partition, cancellationToken).ConfigureAwait(false);
        }

        var pending = _inFlight.Values.ToArray();
        _inFlight.Clear();
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Task.WhenAll(_inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task SubmitAsync(string partition, CancellationToken cancellationToken)
    {
        if (!_queued.Remove(partition, out var rows) || rows.Count == 0)
        {
            return;
        }

        if (_inFlight.Remove(partition, out var previous))
        {
            await previous.ConfigureAwait(false);
        }

        while (_inFlight.Count >= maxInFlight)
        {
            var done = await Task.WhenAny(_inFlight.Values).ConfigureAwait(false);
            var key = _inFlight.First(pair => pair.Value == done).Key;
            _inFlight.Remove(key);
            await done.ConfigureAwait(false);
        }

        var actions = rows.Values.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)).ToList();
        _inFlight[partition] = table.SubmitTransactionAsync(actions, cancellationToken);
    }
}

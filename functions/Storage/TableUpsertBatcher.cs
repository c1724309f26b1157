using Azure.Data.Tables;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Upserts (replace) many entities, of any partitions, in entity group transactions of one partition each and at most
/// 100 entities and about 3 MiB, several transactions in flight, so a long stream is written fast with bounded memory.
/// Replacing makes a repeat write the same rows again.
/// </summary>
/// <remarks>
/// One batch is pending per partition (a transaction may hold only one), so memory grows with the partitions written at
/// once: meant for a bounded set such as the buckets of <see cref="TableBuckets"/>. A partition's batch is sent when
/// full, the rest by <see cref="CompleteAsync"/>.
/// Dispose it (await using) even on failure: disposing waits for the transactions still in flight so none outlives the
/// caller; their failures are reported by <see cref="CompleteAsync"/>, or by the <see cref="AddAsync"/> that waits on them.
/// </remarks>
internal sealed class TableUpsertBatcher(TableClient table, int maxInFlight) : IAsyncDisposable
{
    private readonly List<Task> _inFlight = new(maxInFlight);
    private readonly Dictionary<string, PendingBatch> _pending = new(StringComparer.Ordinal);

    /// <summary>Entities sent to the service so far (after de-duplication within each transaction).</summary>
    public long Written { get; private set; }

    /// <summary>Queues an entity; a later entity with the same keys in the same transaction replaces it.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="binaryBytes">Bytes of its binary properties, to keep a transaction under the service's size limit.</param>
    /// <param name="cancellationToken">Stops waiting for a free transaction slot.</param>
    public async Task AddAsync(TableEntity entity, int binaryBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var bytes = TableTransactions.SizeOf(binaryBytes);
        if (!_pending.TryGetValue(entity.PartitionKey, out var batch))
        {
            batch = new PendingBatch();
            _pending.Add(entity.PartitionKey, batch);
        }
        else if (batch.Rows.Count == TableTransactions.MaxActions || (batch.Rows.Count > 0 && batch.Bytes + bytes > TableTransactions.MaxBytes))
        {
            await SubmitAsync(entity.PartitionKey, cancellationToken).ConfigureAwait(false);
            batch = new PendingBatch();
            _pending.Add(entity.PartitionKey, batch);
        }

        // Two rows with one key in one transaction are refused: keep the later, as separate writes would.
        if (batch.Rows.Remove(entity.RowKey, out var replaced))
        {
            batch.Bytes -= replaced.Bytes;
        }

        batch.Rows[entity.RowKey] = (entity, bytes);
        batch.Bytes += bytes;
    }

    /// <summary>Sends what is queued and waits for every transaction.</summary>
    /// <param name="cancellationToken">Stops the last sends.</param>
    /// <exception cref="TableTransactionFailedException">A transaction failed.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _pending.Keys.Order(StringComparer.Ordinal).ToList())
        {
            await SubmitAsync(partition, cancellationToken).ConfigureAwait(false);
        }

        var pending = _inFlight.ToArray();
        _inFlight.Clear();
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Task.WhenAll(_inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task SubmitAsync(string partition, CancellationToken cancellationToken)
    {
        _pending.Remove(partition, out var batch);
        if (batch is null || batch.Rows.Count == 0)
        {
            return;
        }

        var actions = batch.Rows.Values.Select(queued => new TableTransactionAction(TableTransactionActionType.UpsertReplace, queued.Entity)).ToList();
        if (_inFlight.Count >= maxInFlight)
        {
            var done = await Task.WhenAny(_inFlight).ConfigureAwait(false);
            _inFlight.Remove(done);
            await done.ConfigureAwait(false);
        }

        _inFlight.Add(table.SubmitTransactionAsync(actions, cancellationToken));
        Written += actions.Count;
    }

    private sealed class PendingBatch
    {
        public Dictionary<string, (TableEntity Entity, long Bytes)> Rows { get; } = new(StringComparer.Ordinal);

        public long Bytes { get; set; }
    }
}

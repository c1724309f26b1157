namespace CowansSync.Functions.Storage.Tables;

/// <summary>
/// Upserts (replace) many entities of one partition in entity group transactions of at most 100 entities and about
/// 3 MiB, several transactions in flight, so a long stream is written fast with bounded memory. Replacing makes a
/// repeat write the same rows again.
/// </summary>
/// <remarks>
/// Dispose it (await using) even on failure: disposing waits for the transactions still in flight so none outlives the
/// caller; their failures are reported by <see cref="CompleteAsync"/>, or by the <see cref="AddAsync"/> that waits on them.
/// </remarks>
internal sealed class TableUpsertBatcher(TableClient table, int maxInFlight) : IAsyncDisposable
{
    private const int MaxEntities = 100;

    // The service takes 4 MiB per transaction; binary travels as base64 (4/3) and each part has its own headers.
    private const long MaxBatchBytes = 3L * 1024 * 1024;
    private const int EntityOverheadBytes = 1024;

    private readonly List<Task> _inFlight = new(maxInFlight);
    private Dictionary<string, (TableEntity Entity, long Bytes)> _batch = new(StringComparer.Ordinal);
    private long _batchBytes;

    /// <summary>Entities sent to the service so far (after de-duplication within each transaction).</summary>
    public long Written { get; private set; }

    /// <summary>Queues an entity; a later entity with the same row key in the same transaction replaces it.</summary>
    /// <param name="entity">The entity (of the batcher's one partition).</param>
    /// <param name="binaryBytes">Bytes of its binary properties, to keep a transaction under the service's size limit.</param>
    /// <param name="cancellationToken">Stops waiting for a free transaction slot.</param>
    public async Task AddAsync(TableEntity entity, int binaryBytes, CancellationToken cancellationToken)
    {
        var bytes = (binaryBytes * 4L / 3) + EntityOverheadBytes;
        if (_batch.Count == MaxEntities || (_batch.Count > 0 && _batchBytes + bytes > MaxBatchBytes))
        {
            await SubmitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Two rows with one key in one transaction are refused: keep the later, as separate writes would.
        if (_batch.Remove(entity.RowKey, out var replaced))
        {
            _batchBytes -= replaced.Bytes;
        }

        _batch[entity.RowKey] = (entity, bytes);
        _batchBytes += bytes;
    }

    /// <summary>Sends what is queued and waits for every transaction.</summary>
    /// <param name="cancellationToken">Stops the last send.</param>
    /// <exception cref="TableTransactionFailedException">A transaction failed.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await SubmitAsync(cancellationToken).ConfigureAwait(false);
        var pending = _inFlight.ToArray();
        _inFlight.Clear();
        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Task.WhenAll(_inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task SubmitAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var actions = _batch.Values.Select(queued => new TableTransactionAction(TableTransactionActionType.UpsertReplace, queued.Entity)).ToList();
        _batch = new Dictionary<string, (TableEntity Entity, long Bytes)>(StringComparer.Ordinal);
        _batchBytes = 0;
        if (_inFlight.Count >= maxInFlight)
        {
            var done = await Task.WhenAny(_inFlight).ConfigureAwait(false);
            _inFlight.Remove(done);
            await done.ConfigureAwait(false);
        }

        _inFlight.Add(table.SubmitTransactionAsync(actions, cancellationToken));
        Written += actions.Count;
    }
}

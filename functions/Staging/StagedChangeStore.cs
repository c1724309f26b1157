using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Staging;

/// <summary>
/// Staged changes in table <c>stagedchanges</c> (a run's sixteen partitions, RowKey = change id:
/// <see cref="StagedChangeEntity"/>), with the index
/// <c>stagedchangeindex</c> (PartitionKey = the id's first hex character, RowKey = id, <c>RunId</c>) so a change is
/// read by its id alone. Sixteen index partitions: a batch's changes land in a handful of transactions, and none grows hot.
/// </summary>
/// <remarks>
/// Idempotent: staging inserts only changes that are absent, so a re-delivered batch never undoes a review; the index
/// row is an upsert of a value the id determines (the id hashes the run). Every lifecycle move is conditional on the
/// ETag it read, so of concurrent moves exactly one wins and the others re-read and meet the domain's refusal.
/// </remarks>
public sealed partial class StagedChangeStore(StorageClients storage, ILogger<StagedChangeStore> logger) : IStagedChangeStore
{
    /// <summary>The changes table.</summary>
    public const string TableName = "stagedchanges";

    /// <summary>The change id → run id table.</summary>
    public const string IndexTableName = "stagedchangeindex";

    private const int MaxTransitionAttempts = 50;
    private const string AlreadyExists = "EntityAlreadyExists";
    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = 4 };

    /// <inheritdoc />
    public async Task StageAsync(IReadOnlyList<StagedChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var unique = changes.DistinctBy(change => change.ChangeId, StringComparer.Ordinal).ToList();
        // Mapped before anything is written, so a change too large to store fails the batch up front.
        var rows = unique.Select(StagedChangeEntity.ToEntity).ToList();
        var index = await storage.GetTableAsync(IndexTableName, cancellationToken).ConfigureAwait(false);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);

        // The index first: once a change exists it can be found by id.
        var indexBatches = TableTransactions.Split(unique.Select(change => new TableTransactionAction(TableTransactionActionType.UpsertReplace, IndexEntity(change))));
        await Parallel.ForEachAsync(indexBatches, Parallelism, async (batch, token) => await index.SubmitTransactionAsync(batch, token).ConfigureAwait(false))
            .ConfigureAwait(false);

        var changeBatches = TableTransactions.Split(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        await Parallel.ForEachAsync(changeBatches, Parallelism, async (batch, token) => await InsertIfAbsentAsync(table, batch, token).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StagedChange?> GetAsync(string changeId, CancellationToken cancellationToken)
        => (await ReadAsync(changeId, cancellationToken).ConfigureAwait(false))?.Change;

    /// <inheritdoc />
    public async Task<StagedChangeTransition?> TryTransitionAsync(
        string changeId, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken)
        => (await MoveAsync(changeId, move, cancellationToken).ConfigureAwait(false))?.Transition;

    // The transition, and the change as it stands after it: moved, or as last read when refused.
    private async Task<(StagedChange Current, StagedChangeTransition Transition)?> MoveAsync(
        string changeId, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadAsync(changeId, cancellationToken).ConfigureAwait(false) is not { } read)
            {
                return null;
            }

            var transition = move(read.Change);
            if (!transition.Succeeded)
            {
                return (read.Change, transition);
            }

            try
            {
                await table.UpdateEntityAsync(StagedChangeEntity.ToEntity(transition.Change), read.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return (transition.Change, transition);
            }
            catch (RequestFailedException error) when (error.Status == 412 && attempt < MaxTransitionAttempts)
            {
                LogLostRace(changeId, attempt);
            }
        }
    }

    private async Task<(StagedChange Change, ETag ETag)?> ReadAsync(string changeId, CancellationToken cancellationToken)
    {
        if (await RunOfAsync(changeId, cancellationToken).ConfigureAwait(false) is not { } runId)
        {
            return null;
        }

        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(StagedChangeEntity.PartitionOf(runId, changeId), changeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? (StagedChangeEntity.FromEntity(row.Value!), row.Value!.ETag) : null;
    }

    // The run a change belongs to, from the index.
    private async Task<string?> RunOfAsync(string changeId, CancellationToken cancellationToken)
    {
        // Anything else cannot exist and must not reach a table key.
        if (!StagedChangeId.IsWellFormed(changeId))
        {
            return null;
        }

        var index = await storage.GetTableAsync(IndexTableName, cancellationToken).ConfigureAwait(false);
        var pointer = await index.GetEntityIfExistsAsync<TableEntity>(IndexPartitionOf(changeId), changeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return pointer.HasValue ? pointer.Value!.GetString("RunId") : null;
    }

    private async Task InsertIfAbsentAsync(TableClient table, IReadOnlyList<TableTransactionAction> adds, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(adds, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException error) when (error.ErrorCode == AlreadyExists)
        {
            // Some were staged before (a re-delivery): add the rest one by one and leave those, with their reviews, alone.
            foreach (var add in adds)
            {
                await AddIfAbsentAsync(table, (TableEntity)add.Entity, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task AddIfAbsentAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (error.ErrorCode == AlreadyExists)
        {
            LogAlreadyStaged(row.RowKey, row.PartitionKey);
        }
    }

    private static TableEntity IndexEntity(StagedChange change) => new(IndexPartitionOf(change.ChangeId), change.ChangeId) { ["RunId"] = change.RunId };

    private static string IndexPartitionOf(string changeId) => changeId[..1];


    [LoggerMessage(1, LogLevel.Debug, "Staged change {ChangeId} of run {RunId} exists already; kept as it is")]
    private partial void LogAlreadyStaged(string changeId, string runId);

    [LoggerMessage(2, LogLevel.Debug, "Staged change {ChangeId} changed while being moved (attempt {Attempt}); re-reading")]
    private partial void LogLostRace(string changeId, int attempt);
}

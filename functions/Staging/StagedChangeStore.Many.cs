using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>Reads and moves of many changes at once, for a push's batches.</summary>
/// <remarks>
/// A partition's changes are read as the range of their ids, page by page, as long as the range is dense
/// (a push's batch is a slice of its sorted selection, so it mostly is); what a sparse range leaves is point-read, so a
/// batch never reads much more than twice its size. Moves go in entity group transactions conditional on the ETags
/// read; a transaction refused because one of its changes moved meanwhile is moved again change by change, each judged
/// against its latest state.
/// </remarks>
public sealed partial class StagedChangeStore
{
    // Point reads take a millisecond or two each: enough in flight hide the round trips.
    private const int ReadsInFlight = 16;
    private const int WritesInFlight = 4;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StagedChange>> GetManyAsync(IReadOnlyList<string> changeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeIds);
        var runs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changeIds.Distinct(StringComparer.Ordinal), InFlight(ReadsInFlight, cancellationToken), async (changeId, token) =>
        {
            if (await RunOfAsync(changeId, token).ConfigureAwait(false) is { } runId)
            {
                runs[changeId] = runId;
            }
        }).ConfigureAwait(false);
        var read = await ReadManyAsync(runs, cancellationToken).ConfigureAwait(false);
        return read.ToDictionary(pair => pair.Key, pair => pair.Value.Change, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, StagedChange>> TransitionManyAsync(
        IReadOnlyList<StagedChange> changes, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(move);
        var runs = changes.DistinctBy(change => change.ChangeId, StringComparer.Ordinal).ToDictionary(change => change.ChangeId, change => change.RunId, StringComparer.Ordinal);
        var current = new ConcurrentDictionary<string, StagedChange>(StringComparer.Ordinal);
        var moves = new List<TableTransactionAction>();
        foreach (var (changeId, read) in await ReadManyAsync(runs, cancellationToken).ConfigureAwait(false))
        {
            var transition = move(read.Change);
            if (transition.Succeeded)
            {
                moves.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, StagedChangeEntity.ToEntity(transition.Change), read.ETag));
            }

            current[changeId] = transition.Change ?? read.Change;
        }

        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(TableTransactions.Split(moves), InFlight(WritesInFlight, cancellationToken), async (transaction, token) =>
        {
            try
            {
                await table.SubmitTransactionAsync(transaction, token).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException error) when (error.Status == 412)
            {
                LogLostBatchRace(transaction.Count, transaction[0].Entity.PartitionKey);
                foreach (var changeId in transaction.Select(action => action.Entity.RowKey))
                {
                    if (await MoveAsync(changeId, move, token).ConfigureAwait(false) is { } moved)
                    {
                        current[changeId] = moved.Current;
                    }
                    else
                    {
                        current.TryRemove(changeId, out _);
                    }
                }
            }
        }).ConfigureAwait(false);
        return current;
    }

    // Reads changes whose runs are known (change id → run id), each partition's as a range.
    private async Task<IReadOnlyDictionary<string, (StagedChange Change, ETag ETag)>> ReadManyAsync(IReadOnlyDictionary<string, string> runs, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = new ConcurrentDictionary<string, (StagedChange, ETag)>(StringComparer.Ordinal);
        foreach (var partition in runs.GroupBy(pair => StagedChangeEntity.PartitionOf(pair.Value, pair.Key), pair => pair.Key, StringComparer.Ordinal))
        {
            var missing = await ReadRangeAsync(table, partition.Key, [.. partition.Order(StringComparer.Ordinal)], found, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(missing, InFlight(ReadsInFlight, cancellationToken), async (changeId, token) =>
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(partition.Key, changeId, cancellationToken: token).ConfigureAwait(false);
                if (row.HasValue)
                {
                    found[changeId] = (StagedChangeEntity.FromEntity(row.Value!), row.Value!.ETag);
                }
            }).ConfigureAwait(false);
        }

        return found;
    }

    // Reads the range from the first id to the last while it holds at most twice as many rows as ids; answers the ids
    // left to point-read (none once the range is read to its end: those do not exist).
    private static async Task<IReadOnlyCollection<string>> ReadRangeAsync(
        TableClient table, string partition, IReadOnlyList<string> sortedIds, ConcurrentDictionary<string, (StagedChange, ETag)> found, CancellationToken cancellationToken)
    {
        var wanted = sortedIds.ToHashSet(StringComparer.Ordinal);
        var budget = 2 * sortedIds.Count;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {sortedIds[0]} and RowKey le {sortedIds[^1]}");
        var pageSize = Math.Min(MaxQueryPage, budget);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            foreach (var row in page.Values.Where(row => wanted.Remove(row.RowKey)))
            {
                found[row.RowKey] = (StagedChangeEntity.FromEntity(row), row.ETag);
            }

            budget -= page.Values.Count;
            if (page.ContinuationToken is null)
            {
                return [];
            }

            if (wanted.Count == 0 || budget <= 0)
            {
                break;
            }
        }

        return wanted;
    }

    private static ParallelOptions InFlight(int inFlight, CancellationToken cancellationToken)
        => new() { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken };

    [LoggerMessage(3, LogLevel.Debug, "A move of {Count} staged changes in partition {Partition} lost a race; moving them one by one")]
    private partial void LogLostBatchRace(int count, string partition);
}

using Azure.Data.Tables;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Staging;

/// <summary>Lists and counts, filtered on the indexed columns.</summary>
/// <remarks>
/// A list first reads only keys and <c>CreatedAt</c> of every match (small rows), orders them newest first (then by id,
/// so pages are stable), and then point-reads just the requested page's records.
/// </remarks>
public sealed partial class StagedChangeStore
{
    private const int MaxQueryPage = 1000;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey", "CreatedAt"];

    /// <summary>One page of the matching changes, newest first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The page and the number of matches.</returns>
    public async Task<StagedChangePage> QueryAsync(StagedChangeQuery query, int page, int perPage, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        var keys = await ListKeysAsync(query, cancellationToken).ConfigureAwait(false);
        var wanted = keys.Skip((page - 1) * perPage).Take(perPage).ToList();
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var items = new StagedChange?[wanted.Count];
        await Parallel.ForAsync(0, wanted.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(wanted[i].Partition, wanted[i].ChangeId, cancellationToken: token).ConfigureAwait(false);
            items[i] = row.HasValue ? StagedChangeEntity.FromEntity(row.Value!) : null;
        }).ConfigureAwait(false);
        return new StagedChangePage([.. items.OfType<StagedChange>()], keys.Count);
    }

    /// <summary>The ids of every matching change, newest first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The change ids.</returns>
    public async Task<IReadOnlyList<string>> ListIdsAsync(StagedChangeQuery query, CancellationToken cancellationToken)
        => [.. (await ListKeysAsync(query, cancellationToken).ConfigureAwait(false)).Select(key => key.ChangeId)];

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListIdsAsync(string runId, ChangeStatus status, CancellationToken cancellationToken)
        => ListIdsAsync(new StagedChangeQuery(RunId: runId, Status: status), cancellationToken);

    /// <summary>Whether a run staged any change: one row read, however large the run.</summary>
    /// <param name="runId">The run (a push's <c>batch_id</c>).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns><see langword="true"/> when the run has at least one staged change.</returns>
    public async Task<bool> HasChangesAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = StagedChangeEntity.RunFilter(runId);
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, 1, ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <summary>How many changes are in each status, for metrics and a run's summary.</summary>
    /// <param name="runId">One run, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Every status with its count, zeros included.</returns>
    public async Task<IReadOnlyDictionary<ChangeStatus, int>> CountByStatusAsync(string? runId, CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<ChangeStatus>().ToDictionary(status => status, _ => 0);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = runId is null ? null : StagedChangeEntity.RunFilter(runId);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, MaxQueryPage, ["Status"], cancellationToken).ConfigureAwait(false))
        {
            if (WireName.TryParse<ChangeStatus>(row.GetString("Status"), out var status))
            {
                counts[status]++;
            }
        }

        return counts;
    }

    /// <inheritdoc />
    public async Task<int> CountPendingAsync(string runId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = $"{StagedChangeEntity.RunFilter(runId)} and {TableClient.CreateQueryFilter($"Status eq {WireName.Of(ChangeStatus.Pending)}")}";
        var pending = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, MaxQueryPage, ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            pending++;
        }

        return pending;
    }

    private async Task<List<(string Partition, string ChangeId, DateTimeOffset CreatedAt)>> ListKeysAsync(StagedChangeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var keys = new List<(string Partition, string ChangeId, DateTimeOffset CreatedAt)>();
        await foreach (var row in table.QueryAsync<TableEntity>(FilterOf(query), MaxQueryPage, KeyColumns, cancellationToken).ConfigureAwait(false))
        {
            keys.Add((row.PartitionKey, row.RowKey, row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue));
        }

        return [.. keys.OrderByDescending(key => key.CreatedAt).ThenBy(key => key.ChangeId, StringComparer.Ordinal)];
    }

    private static string? FilterOf(StagedChangeQuery query)
    {
        var parts = new List<string>();
        Add(parts, query.RunId, StagedChangeEntity.RunFilter);
        Add(parts, query.Status, value => TableClient.CreateQueryFilter($"Status eq {WireName.Of(value)}"));
        Add(parts, query.ChangeType, value => TableClient.CreateQueryFilter($"ChangeType eq {WireName.Of(value)}"));
        Add(parts, query.HasConflicts, value => TableClient.CreateQueryFilter($"HasConflicts eq {value}"));
        Add(parts, query.Sku, value => TableClient.CreateQueryFilter($"Sku eq {value.Normalized}"));
        if (query.Directions is { Count: > 0 } directions)
        {
            parts.Add($"({string.Join(" or ", directions.Select(d => TableClient.CreateQueryFilter($"Direction eq {WireName.Of(d)}")))})");
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static void Add<T>(List<string> parts, T? value, Func<T, string> filter)
        where T : struct
    {
        if (value is { } present)
        {
            parts.Add(filter(present));
        }
    }

    private static void Add(List<string> parts, string? value, Func<string, string> filter)
    {
        if (value is not null)
        {
            parts.Add(filter(value));
        }
    }
}

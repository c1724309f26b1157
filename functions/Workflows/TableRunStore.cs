using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// Runs in the <c>runs</c> table: one partition per run holding the run row (<c>run</c>), its batch completion markers
/// (<c>batch-NNNNNN</c>) and its events (<c>event-{name}-{id}</c>), so everything about a run is one partition query.
/// </summary>
public sealed class TableRunStore(StorageClients storage) : IRunStore
{
    /// <summary>The table.</summary>
    public const string TableName = "runs";

    private const string RunRow = "run";
    private const string BatchPrefix = "batch-";
    private const string EventPrefix = "event-";

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(WorkflowRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return await TryAddAsync(RunEntities.ToEntity(run), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<WorkflowRun?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        if (!RunEntities.IsValidKey(runId))
        {
            return null;
        }

        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(runId, RunRow, cancellationToken: cancellationToken);
        return entity.HasValue ? RunEntities.ToRun(entity.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<WorkflowRun?> TryReplaceAsync(WorkflowRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var entity = RunEntities.ToEntity(run);
        Response replaced;
        try
        {
            replaced = await table.UpdateEntityAsync(entity, new ETag(run.ETag ?? throw new ArgumentException("The run carries no ETag.", nameof(run))), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == 412)
        {
            return null;
        }

        return run with { ETag = replaced.Headers.ETag?.ToString() };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkflowRun>> ListAsync(string? kind, RunStatus? status, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RunRow}");
        if (kind is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Kind eq {kind}");
        }

        if (status is { } wanted)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {WireName.Of(wanted)}");
        }

        var runs = new List<WorkflowRun>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            runs.Add(RunEntities.ToRun(entity));
        }

        return [.. runs.OrderByDescending(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<bool> TryAddBatchCompletionAsync(string runId, BatchCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return await TryAddAsync(new TableEntity(runId, BatchKey(completion.BatchIndex))
        {
            ["Counters"] = JsonSerializer.Serialize(completion.Counters),
            ["Lists"] = JsonSerializer.Serialize(completion.Lists),
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> IsBatchCompleteAsync(string runId, int batchIndex, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(runId, BatchKey(batchIndex), select: ["RowKey"], cancellationToken: cancellationToken);
        return entity.HasValue;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BatchCompletion>> ListBatchCompletionsAsync(string runId, CancellationToken cancellationToken)
    {
        var markers = new List<BatchCompletion>();
        await foreach (var entity in QueryRowsAsync(runId, BatchPrefix, cancellationToken))
        {
            markers.Add(new BatchCompletion(
                int.Parse(entity.RowKey.AsSpan(BatchPrefix.Length), System.Globalization.CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<Dictionary<string, long>>(entity.GetString("Counters") ?? "{}") ?? [],
                JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(entity.GetString("Lists") ?? "{}") ?? []));
        }

        return markers;
    }

    /// <inheritdoc />
    public async Task<bool> TryAddEventAsync(string runId, RunEvent runEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        return await TryAddAsync(new TableEntity(runId, $"{EventPrefix}{runEvent.Name}-{runEvent.EventId}")
        {
            ["Name"] = runEvent.Name,
            ["EventId"] = runEvent.EventId,
            ["Payload"] = runEvent.Payload,
            ["RaisedBy"] = runEvent.RaisedBy,
            ["RaisedAt"] = runEvent.RaisedAt,
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunEvent>> ListEventsAsync(string runId, CancellationToken cancellationToken)
    {
        var events = new List<RunEvent>();
        await foreach (var entity in QueryRowsAsync(runId, EventPrefix, cancellationToken))
        {
            events.Add(new RunEvent(
                entity.GetString("Name") ?? string.Empty,
                entity.GetString("EventId") ?? string.Empty,
                entity.GetString("Payload") ?? "{}",
                entity.GetString("RaisedBy") ?? string.Empty,
                entity.GetDateTimeOffset("RaisedAt") ?? default));
        }

        return [.. events.OrderBy(e => e.RaisedAt)];
    }

    private static string BatchKey(int batchIndex) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BatchPrefix}{batchIndex:D6}");

    private async IAsyncEnumerable<TableEntity> QueryRowsAsync(string runId, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        // Row keys sharing a prefix sort together: the range [prefix, prefix + '~') holds exactly them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return entity;
        }
    }

    private async Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return false;
        }
    }
}

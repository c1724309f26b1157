using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Hosting;

/// <summary>The last run of each timer function (table <c>timerruns</c>), written by both hosting modes.</summary>
public sealed class TimerRunLog(StorageClients storage)
{
    /// <summary>The table.</summary>
    public const string TableName = "timerruns";

    private const string Partition = "timer";

    // Error messages are kept short: a table property holds at most 32K characters, and health shows them.
    private const int MaxErrorLength = 1000;

    /// <summary>Records a run, replacing the previous one.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when stored.</returns>
    public async Task RecordAsync(TimerRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(Partition, run.FunctionName)
        {
            ["ScheduledTime"] = run.ScheduledTime,
            ["StartedAt"] = run.StartedAt,
            ["CompletedAt"] = run.CompletedAt,
            ["Succeeded"] = run.Succeeded,
            ["Error"] = run.Error is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : run.Error,
        };
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The last run of every timer that has run, by function name.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The runs.</returns>
    public async Task<IReadOnlyDictionary<string, TimerRun>> GetLastRunsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var runs = new Dictionary<string, TimerRun>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            runs[entity.RowKey] = new TimerRun(entity.RowKey,
                entity.GetDateTimeOffset("ScheduledTime") ?? default, entity.GetDateTimeOffset("StartedAt") ?? default,
                entity.GetDateTimeOffset("CompletedAt") ?? default, entity.GetBoolean("Succeeded") ?? false, entity.GetString("Error"));
        }

        return runs;
    }
}

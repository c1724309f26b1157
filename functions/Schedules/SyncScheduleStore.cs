using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Schedules;

/// <summary>
/// The sync schedules in table <c>syncschedules</c> (one partition — a retailer has a handful — RowKey = the id), each
/// with its definition as JSON and the latest occurrence a run was started for.
/// </summary>
public sealed class SyncScheduleStore(StorageClients storage)
{
    /// <summary>The table.</summary>
    public const string TableName = "syncschedules";

    private const string Partition = "schedule";

    /// <summary>The definition is kept in the API's own spelling.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Stores a new schedule.</summary>
    /// <param name="schedule">The schedule; its id must be new.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    public async Task CreateAsync(SyncSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        await table.AddEntityAsync(
            new TableEntity(Partition, schedule.Id)
            {
                ["Definition"] = JsonSerializer.Serialize(schedule.Definition, Json),
                ["CreatedBy"] = schedule.CreatedBy,
                ["CreatedAt"] = schedule.CreatedAt,
            },
            cancellationToken);
    }

    /// <summary>Every schedule, by id.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The schedules.</returns>
    public async Task<IReadOnlyList<SyncSchedule>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var schedules = new List<SyncSchedule>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            schedules.Add(Read(row));
        }

        return schedules;
    }

    /// <summary>One schedule.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The schedule, or <see langword="null"/> when there is none.</returns>
    public async Task<SyncSchedule?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeyText.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Deletes a schedule: no later occurrence runs; a run in progress goes on.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Stops the delete.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var response = await table.DeleteEntityAsync(Partition, TableKeyText.Escape(id), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Records that a run was started for an occurrence; an earlier occurrence never overwrites a later one.</summary>
    /// <param name="id">The schedule.</param>
    /// <param name="occurrence">The occurrence.</param>
    /// <param name="runId">Its run.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is recorded (or the schedule is gone).</returns>
    public async Task RecordRunAsync(string id, DateTimeOffset occurrence, string runId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeyText.Escape(id), cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value!.GetDateTimeOffset("LastOccurrence") >= occurrence)
            {
                return;
            }

            try
            {
                await table.UpdateEntityAsync(
                    new TableEntity(Partition, row.Value.RowKey) { ["LastOccurrence"] = occurrence, ["LastRunId"] = runId }, row.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException error) when (error.Status is 404 or 412)
            {
                // Deleted, or recorded by another instance meanwhile: read it again to see which.
            }
        }
    }

    private static SyncSchedule Read(TableEntity row) => new(
        row.RowKey,
        JsonSerializer.Deserialize<SyncScheduleDefinition>(row.GetString("Definition") ?? "{}", Json)!,
        row.GetString("CreatedBy") ?? "unknown",
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("LastOccurrence"),
        row.GetString("LastRunId"));
}

using System.Globalization;
using System.Security.Claims;
using Azure.Data.Tables;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Audit;

/// <summary>
/// The <c>audit</c> table: one row per state change, saying who (caller id and name), what (action and target),
/// when, and optional notes. Partitioned by month; row keys sort newest first.
/// </summary>
public sealed class AuditLog(StorageClients storage, TimeProvider timeProvider)
{
    /// <summary>The table.</summary>
    public const string TableName = "audit";

    /// <summary>How many months back <see cref="ReadLatestAsync"/> looks: older entries are not "recent".</summary>
    public const int LatestLookbackMonths = 12;

    /// <summary>Records a state change.</summary>
    /// <param name="actor">Who made it.</param>
    /// <param name="action">What was done, e.g. <c>api_key.created</c>.</param>
    /// <param name="target">What it was done to, e.g. the key id.</param>
    /// <param name="notes">Free text from the caller, if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    public async Task WriteAsync(ClaimsPrincipal actor, string action, string target, string? notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = timeProvider.GetUtcNow();
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var entity = new TableEntity(now.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"{newestFirst}-{Guid.NewGuid():N}")
        {
            ["At"] = now,
            ["ActorId"] = actor.GetCallerId(),
            ["ActorName"] = actor.GetCallerName(),
            ["Action"] = action,
            ["Target"] = target,
            ["Notes"] = notes,
        };
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        await table.AddEntityAsync(entity, cancellationToken);
    }

    /// <summary>The latest entries, newest first.</summary>
    /// <remarks>
    /// Walks the month partitions back from the current one, reading only as many rows as are still wanted (row keys
    /// sort newest first within a month), and stops after <see cref="LatestLookbackMonths"/> months.
    /// </remarks>
    /// <param name="count">How many entries, at least 1.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Up to <paramref name="count"/> entries.</returns>
    public async Task<IReadOnlyList<AuditEntry>> ReadLatestAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var entries = new List<AuditEntry>(count);
        var month = timeProvider.GetUtcNow();
        for (var step = 0; step < LatestLookbackMonths && entries.Count < count; step++, month = month.AddMonths(-1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, count - entries.Count, cancellationToken: cancellationToken))
            {
                entries.Add(new AuditEntry(
                    row.GetDateTimeOffset("At") ?? default,
                    row.GetString("ActorId") ?? string.Empty,
                    row.GetString("ActorName") ?? string.Empty,
                    row.GetString("Action") ?? string.Empty,
                    row.GetString("Target") ?? string.Empty,
                    row.GetString("Notes")));
                if (entries.Count == count)
                {
                    break;
                }
            }
        }

        return entries;
    }
}

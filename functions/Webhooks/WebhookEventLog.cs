using Azure;
using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Webhooks;

/// <summary>
/// The webhook events already taken (table <c>webhookevents</c>, one row per event id, spread over 16 partitions), so a
/// redelivered or duplicated event is acknowledged without being queued again. Rows are kept as long as finished runs
/// (<c>Runs:Retention</c>), and never less than the 48 h over which Shopify retries; <c>PurgeRuns</c> then deletes them.
/// </summary>
/// <remarks>
/// The event is queued before it is recorded: a crash in between leaves it unrecorded, and Shopify's retry queues it
/// again — processing is idempotent — rather than it being recorded and never processed.
/// </remarks>
public sealed class WebhookEventLog(StorageClients storage, TimeProvider time)
{
    /// <summary>The table.</summary>
    public const string TableName = "webhookevents";

    /// <summary>How long an event is remembered at least, whatever the retention: Shopify retries a delivery for 48 h.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromHours(48);

    private const int Buckets = 16;

    /// <summary>Whether the event was taken before.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns><see langword="true"/> for a repeat.</returns>
    public async Task<bool> WasTakenAsync(string eventId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var key = TableKeyText.Escape(eventId);
        return (await table.GetEntityIfExistsAsync<TableEntity>(TableBuckets.Partition("event", key, Buckets), key, ["RowKey"], cancellationToken).ConfigureAwait(false)).HasValue;
    }

    /// <summary>Forgets the events taken before <paramref name="before"/>, but none of the last <see cref="MinimumRetention"/>.</summary>
    /// <param name="before">The retention's cut-off.</param>
    /// <param name="cancellationToken">Stops the purge.</param>
    /// <returns>How many events were forgotten.</returns>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var floor = time.GetUtcNow() - MinimumRetention;
        return await TableRetention.DeleteOlderThanAsync(table, before < floor ? before : floor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the event as taken; recording it twice is harmless.</summary>
    /// <param name="eventId">The event.</param>
    /// <param name="topic">Its topic.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    public async Task RecordAsync(string eventId, string topic, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var key = TableKeyText.Escape(eventId);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableBuckets.Partition("event", key, Buckets), key) { ["Topic"] = topic, ["ReceivedAt"] = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            // A concurrent duplicate recorded it first.
            return;
        }
    }
}

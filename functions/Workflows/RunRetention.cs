using CowansSync.Functions.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// The <c>PurgeRuns</c> timer: finished runs older than the retention leave the task hub (their history and state), and
/// the webhook events and bulk operation waits of that age their tables.
/// </summary>
/// <param name="options">The retention.</param>
/// <param name="webhookEvents">The webhook events taken.</param>
/// <param name="bulkWaiters">The bulk operation waits.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="logger">Reports what was purged.</param>
public sealed partial class RunRetention(
    IOptions<RunRetentionOptions> options, WebhookEventLog webhookEvents, BulkOperationWaiters bulkWaiters, TimeProvider timeProvider, ILogger<RunRetention> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Purges the finished runs created before the retention window; a repeat finds nothing more to purge.</summary>
    /// <param name="timer">The occurrence.</param>
    /// <param name="client">The task hub.</param>
    /// <param name="cancellationToken">Stops the purge; what was purged stays purged.</param>
    /// <returns>A task that completes when the purge is done.</returns>
    [Function("PurgeRuns")]
    public async Task PurgeRuns([TimerTrigger("%Runs__PurgeSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var before = timeProvider.GetUtcNow() - options.Value.Retention;
        var purged = await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(null, before, Finished), cancellationToken);
        LogPurged(purged.PurgedInstanceCount, before);
        LogPurgedRows(await webhookEvents.PurgeAsync(before, cancellationToken), await bulkWaiters.PurgeAsync(before, cancellationToken), before);
    }

    [LoggerMessage(1, LogLevel.Information, "Purged {Count} finished run instance(s) created before {Before:O}")]
    private partial void LogPurged(int count, DateTimeOffset before);

    [LoggerMessage(2, LogLevel.Information, "Purged {WebhookEvents} webhook event(s) and {BulkWaits} bulk operation wait(s) recorded before {Before:O}")]
    private partial void LogPurgedRows(int webhookEvents, int bulkWaits, DateTimeOffset before);
}

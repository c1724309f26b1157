namespace CowansSync.Orchestrations.Ports;

/// <summary>
/// Which orchestration waits for which Shopify bulk operation, so that Shopify's <c>bulk_operations/finish</c> webhook
/// can wake the one waiting.
/// </summary>
public interface IBulkOperationWaiters
{
    /// <summary>Records that <paramref name="instanceId"/> waits for the operation; recording it again is harmless.</summary>
    /// <param name="operationId">The bulk operation's GID.</param>
    /// <param name="instanceId">The orchestration instance that polls it.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    Task RecordAsync(string operationId, string instanceId, CancellationToken cancellationToken);
}

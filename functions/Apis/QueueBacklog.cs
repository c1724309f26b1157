using Azure;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Apis;

/// <summary>The messages waiting in the queue functions' queues and in their poison queues, summed.</summary>
/// <param name="Depth">Messages waiting to be processed (invisible ones, being processed, included).</param>
/// <param name="PoisonDepth">Messages that failed too often and wait for a re-drive.</param>
public sealed record QueueBacklog(long Depth, long PoisonDepth)
{
    /// <summary>Reads the depths as <c>GET /api/health</c> does: a queue that does not exist yet holds nothing.</summary>
    /// <param name="triggers">Which queues the app's functions read.</param>
    /// <param name="storage">The storage clients.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The backlog.</returns>
    public static async Task<QueueBacklog> ReadAsync(FunctionTriggers triggers, StorageClients storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(storage);
        var queues = triggers.Queues.DistinctBy(queue => queue.QueueName, StringComparer.Ordinal).ToList();
        var depths = await Task.WhenAll(queues.Select(queue => DepthAsync(storage, queue.QueueName, cancellationToken)));
        var poisonDepths = await Task.WhenAll(queues.Select(queue => DepthAsync(storage, queue.PoisonQueueName, cancellationToken)));
        return new QueueBacklog(depths.Sum(), poisonDepths.Sum());
    }

    private static async Task<long> DepthAsync(StorageClients storage, string queueName, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.GetQueueClient(queueName).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException error) when (error.Status == StatusCodes.Status404NotFound)
        {
            return 0;
        }
    }
}

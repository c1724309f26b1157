using System.Globalization;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>A push run's batches of change ids and a bulk batch's prepared writes (claim checks in the payload store).</summary>
public static class PushPayloads
{
    /// <summary>The path of one batch of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns><c>container/name</c>.</returns>
    public static string BatchPath(string runId, int batchIndex)
        => string.Create(CultureInfo.InvariantCulture, $"{ImportPayloads.Container}/{runId}/push-{batchIndex:D6}.json");

    /// <summary>Writes a batch; rewriting it with the same ids is harmless.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="changeIds">Its change ids.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    public static Task WritePushBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, IReadOnlyList<string> changeIds, CancellationToken cancellationToken)
    {
        return payloads.WriteJsonAsync(BatchPath(runId, batchIndex), changeIds, cancellationToken);
    }

    /// <summary>Reads a batch.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Its change ids.</returns>
    public static async Task<IReadOnlyList<string>> ReadPushBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, CancellationToken cancellationToken)
    {
        return await payloads.ReadJsonAsync<List<string>>(BatchPath(runId, batchIndex), cancellationToken) ?? [];
    }

    /// <summary>The path of a bulk batch's prepared writes.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns><c>container/name</c>.</returns>
    public static string BulkWritesPath(string runId, int batchIndex)
        => string.Create(CultureInfo.InvariantCulture, $"{ImportPayloads.Container}/{runId}/push-{batchIndex:D6}-bulk.json");

    /// <summary>Writes a bulk batch's prepared writes; a repeat of the preparation overwrites them with its own.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="writes">The writes.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when they are stored.</returns>
    public static Task WriteBulkWritesAsync(this IPayloadStore payloads, string runId, int batchIndex, BulkBatchWrites writes, CancellationToken cancellationToken)
    {
        return payloads.WriteJsonAsync(BulkWritesPath(runId, batchIndex), writes, cancellationToken);
    }

    /// <summary>Reads a bulk batch's prepared writes.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The writes.</returns>
    public static async Task<BulkBatchWrites> ReadBulkWritesAsync(this IPayloadStore payloads, string runId, int batchIndex, CancellationToken cancellationToken)
    {
        return await payloads.ReadJsonAsync<BulkBatchWrites>(BulkWritesPath(runId, batchIndex), cancellationToken)
            ?? throw new InvalidDataException($"The prepared writes of batch {batchIndex} of {runId} are empty.");
    }
}

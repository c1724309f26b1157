using System.Globalization;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>An inventory sync's batches of SKUs (claim checks in the payload store).</summary>
public static class InventoryPayloads
{
    /// <summary>The path of one batch of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch, from 0.</param>
    /// <returns><c>container/name</c>.</returns>
    public static string BatchPath(string runId, int batchIndex)
        => string.Create(CultureInfo.InvariantCulture, $"{ImportPayloads.Container}/{runId}/inventory-{batchIndex:D6}.json");

    /// <summary>Writes a batch; rewriting it with the same SKUs is harmless.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="skus">Its normalized SKUs.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    public static Task WriteInventoryBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        return payloads.WriteJsonAsync(BatchPath(runId, batchIndex), skus, cancellationToken);
    }

    /// <summary>Reads a batch.</summary>
    /// <param name="payloads">The store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Its normalized SKUs.</returns>
    public static async Task<IReadOnlyList<string>> ReadInventoryBatchAsync(this IPayloadStore payloads, string runId, int batchIndex, CancellationToken cancellationToken)
    {
        return await payloads.ReadJsonAsync<string[]>(BatchPath(runId, batchIndex), cancellationToken) ?? [];
    }
}

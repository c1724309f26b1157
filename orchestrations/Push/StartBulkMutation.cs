using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Starts one stage of a bulk batch's bulk update (<see cref="IShopifyPush.StartBulkUpdateAsync"/>) and returns at
/// once: the operation's id, busy (another bulk mutation runs; the orchestration waits on a timer and asks again), or
/// nothing to write.
/// </summary>
/// <remarks>
/// Safe to repeat rather than idempotent: a repeat may start a second operation over the same lines (or find the
/// first still running and answer busy). Every line sets values, so the second writes what the first did, and the
/// orchestration reads the results of the operation it was told about.
/// </remarks>
public sealed class StartBulkMutation(IPayloadStore payloads, IShopifyPush shopify) : TaskActivity<BulkStageInput, ShopifyBulkStart>
{
    /// <inheritdoc />
    public override async Task<ShopifyBulkStart> RunAsync(TaskActivityContext context, BulkStageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var writes = await payloads.ReadBulkWritesAsync(input.RunId, input.BatchIndex, CancellationToken.None);
        return await shopify.StartBulkUpdateAsync(writes.BulkUpdates(), input.Stage, input.VariantsOperationId, CancellationToken.None);
    }
}

using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>Pushes one batch, one change at a time (<see cref="BatchPusher"/>).</summary>
/// <remarks>
/// Idempotent: every change moves by conditional transitions, a change already applied is counted rather than
/// written, one left applying is resumed after a re-read of the store, and every write may be repeated
/// (<see cref="IShopifyPush"/>). A repeat counts the changes an earlier attempt applied as applied, and those it left
/// failed or conflicting as skipped.
/// </remarks>
public sealed class PushBatch(IPayloadStore payloads, BatchPusher pusher) : TaskActivity<PushBatchInput, PushBatchResult>
{
    /// <inheritdoc />
    public override async Task<PushBatchResult> RunAsync(TaskActivityContext context, PushBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var changeIds = await payloads.ReadPushBatchAsync(input.RunId, input.BatchIndex, CancellationToken.None);
        return PushBatchResult.Of(await pusher.PushAsync(changeIds, input.Actor, CancellationToken.None));
    }
}

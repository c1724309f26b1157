using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Starts exporting the store for a bulk batch's re-read (<see cref="IShopifyPush.StartStoreExportAsync"/>) and returns
/// at once: the export's id, or busy (another bulk query runs; the orchestration waits on a timer and asks again).
/// The input names the batch the export is for, in the run's history.
/// </summary>
/// <remarks>
/// Safe to repeat rather than idempotent: a repeat may start a second export (or find the first running and answer
/// busy); exports only read, and the orchestration reads the one it was told about.
/// </remarks>
public sealed class StartStoreExport(IShopifyPush shopify) : TaskActivity<PushBatchInput, ShopifyBulkStart>
{
    /// <inheritdoc />
    public override Task<ShopifyBulkStart> RunAsync(TaskActivityContext context, PushBatchInput input)
        => shopify.StartStoreExportAsync(CancellationToken.None);
}

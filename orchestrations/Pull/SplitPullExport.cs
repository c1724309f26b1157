using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>Polls a full pull's export once; when it is done, splits it into the run's batches. The waiting is the orchestration's durable timer.</summary>
/// <remarks>Idempotent: polling changes nothing, and splitting the same export again writes the same batches.</remarks>
public sealed class SplitPullExport(IStorePull store) : TaskActivity<SplitPullExportInput, StoreExportSplit?>
{
    /// <inheritdoc />
    public override Task<StoreExportSplit?> RunAsync(TaskActivityContext context, SplitPullExportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return store.TrySplitExportAsync(input.RunId, input.ExportId, input.BatchSize, CancellationToken.None);
    }
}

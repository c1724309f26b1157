using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>Polls the store export once; when it is done, loads it into the run's snapshot. The waiting is the orchestration's durable timer.</summary>
/// <remarks>Idempotent: polling changes nothing, and loading a completed export again rewrites the same rows.</remarks>
public sealed class LoadStoreSnapshot(IStoreSnapshots snapshots) : TaskActivity<LoadStoreSnapshotInput, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, LoadStoreSnapshotInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return snapshots.TryCompleteAsync(input.RunId, input.ExportId, CancellationToken.None);
    }
}

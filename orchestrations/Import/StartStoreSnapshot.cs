using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>Starts exporting the store for a large import to match against; the input is the run's id, which names the snapshot.</summary>
/// <remarks>
/// Idempotent as far as the store allows: a repeat starts the export again (or finds the one running) and returns its
/// handle; the orchestration polls whichever handle it recorded, and a second export only costs time.
/// </remarks>
public sealed class StartStoreSnapshot(IStoreSnapshots snapshots) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => snapshots.StartAsync(input, CancellationToken.None);
}

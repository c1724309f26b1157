using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>Starts a full pull's bulk export of the store.</summary>
/// <remarks>
/// Idempotent as far as the store allows: a repeat starts the export again and returns its handle; the orchestration
/// polls whichever handle it recorded, and a second export only costs time.
/// </remarks>
public sealed class StartPullExport(IStorePull store) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => store.StartExportAsync(CancellationToken.None);
}

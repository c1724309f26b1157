using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>How many of a run's staged changes still wait for a person; the input is the run's id.</summary>
/// <remarks>Idempotent: it only reads.</remarks>
public sealed class CountPendingChanges(IStagedChangeStore staged) : TaskActivity<string, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, string input) => staged.CountPendingAsync(input, CancellationToken.None);
}

using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>Moves the pulls' high-water mark forward after a successful pull.</summary>
/// <remarks>Idempotent: the mark only moves forward, so a repeat (or a slower concurrent pull) leaves the latest.</remarks>
public sealed class AdvancePullMark(IPullMarks marks) : TaskActivity<DateTimeOffset, DateTimeOffset>
{
    /// <inheritdoc />
    public override Task<DateTimeOffset> RunAsync(TaskActivityContext context, DateTimeOffset input) => marks.AdvanceAsync(input, CancellationToken.None);
}

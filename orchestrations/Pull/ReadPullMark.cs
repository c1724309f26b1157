using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>Reads the pulls' high-water mark.</summary>
/// <remarks>Idempotent: a read.</remarks>
public sealed class ReadPullMark(IPullMarks marks) : TaskActivity<string, DateTimeOffset?>
{
    /// <inheritdoc />
    public override Task<DateTimeOffset?> RunAsync(TaskActivityContext context, string input) => marks.GetAsync(CancellationToken.None);
}

using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>Tells people that a run needs attention (the log, and the notification webhook when one is set).</summary>
/// <remarks>
/// At-least-once: a repeat sends the notification again, which is the right side to err on — a person told twice
/// rather than never. The orchestration calls it once per occasion (e.g. the approval timeout fires once).
/// </remarks>
public sealed class NotifyRun(IRunNotifier notifier) : TaskActivity<RunNotification, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, RunNotification input)
    {
        await notifier.NotifyAsync(input, CancellationToken.None);
        return true;
    }
}

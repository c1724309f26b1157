using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// Records that the calling orchestration waits for a bulk operation (the input, its GID), so the operation's
/// <c>bulk_operations/finish</c> webhook raises <see cref="BulkOperationWatch.FinishedEvent"/> on it.
/// </summary>
/// <remarks>Idempotent: a repeat records the same pair.</remarks>
public sealed class WatchBulkOperation(IBulkOperationWaiters waiters) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await waiters.RecordAsync(input, context.InstanceId, CancellationToken.None);
        return true;
    }
}

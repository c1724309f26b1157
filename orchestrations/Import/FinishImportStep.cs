using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Ends the fan-in: a run with changes still pending waits for reviews (and arms its approval timeout); otherwise it
/// completes, with errors when rows failed.
/// </summary>
/// <remarks>
/// Idempotent: the move out of <see cref="ImportPhases.Finish"/> is a conditional update, so only one delivery makes
/// it. The timer is armed before that move: a crash in between leaves an extra timer, which finds nothing to do.
/// </remarks>
public sealed class FinishImportStep(IRunStore runs, IStagedChangeStore staged, IStepScheduler queue, ImportOptions options, TimeProvider timeProvider)
    : IWorkflowStep<FinishImportMessage>
{
    /// <inheritdoc />
    public async Task RunAsync(FinishImportMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status.IsFinished() || run.Phase != ImportPhases.Finish)
        {
            return;
        }

        var pending = await staged.CountPendingAsync(run.RunId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (pending > 0)
        {
            var dueAt = now + options.ApprovalTimeout;
            await queue.EnqueueAsync(new ApprovalTimeoutMessage(run.RunId, dueAt), Min(options.ApprovalTimeout, IStepScheduler.MaxDelay), cancellationToken);
        }

        await runs.UpdateAsync(run.RunId, r => r.Phase != ImportPhases.Finish || r.Status.IsFinished() ? null : pending > 0
            ? r with { Phase = ImportPhases.AwaitingApproval, Status = RunStatus.AwaitingApproval, UpdatedAt = now }
            : r with
            {
                Phase = ImportPhases.Done,
                Status = r.Counter(ImportCounters.FailedRows) > 0 ? RunStatus.CompletedWithErrors : RunStatus.Completed,
                UpdatedAt = now,
                CompletedAt = now,
            }, cancellationToken);
    }

    internal static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

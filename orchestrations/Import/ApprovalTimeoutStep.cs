using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// The approval timeout: when it falls due while changes are still pending, the run is marked overdue and people are
/// notified; when nothing is pending any more, the run completes.
/// </summary>
/// <remarks>
/// A delivery before <see cref="ApprovalTimeoutMessage.DueAt"/> (timeouts longer than a queue message's longest delay)
/// re-arms the timer. Idempotent: an overdue run is not notified again; the notification is sent before the run is
/// marked, so a crash in between means one more notification, never none.
/// </remarks>
public sealed class ApprovalTimeoutStep(IRunStore runs, IStagedChangeStore staged, IStepScheduler queue, IRunNotifier notifier, TimeProvider timeProvider)
    : IWorkflowStep<ApprovalTimeoutMessage>
{
    /// <summary>The custom status of a run whose reviews are overdue.</summary>
    public const string Overdue = "overdue";

    /// <inheritdoc />
    public async Task RunAsync(ApprovalTimeoutMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status != RunStatus.AwaitingApproval || run.CustomStatus == Overdue)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (now < message.DueAt)
        {
            await queue.EnqueueAsync(message, FinishImportStep.Min(message.DueAt - now, IStepScheduler.MaxDelay), cancellationToken);
            return;
        }

        var pending = await staged.CountPendingAsync(run.RunId, cancellationToken);
        if (pending == 0)
        {
            await runs.UpdateAsync(run.RunId, r => r.Status != RunStatus.AwaitingApproval ? null : r with
            {
                Status = RunStatus.Completed, Phase = ImportPhases.Done, UpdatedAt = now, CompletedAt = now,
            }, cancellationToken);
            return;
        }

        await notifier.NotifyAsync(new RunNotification(
            run.RunId, run.Kind, "approval_overdue", $"{pending} staged change(s) of run {run.RunId} still wait for review since {run.UpdatedAt:u}.", now), cancellationToken);
        await runs.UpdateAsync(run.RunId, r => r.Status != RunStatus.AwaitingApproval || r.CustomStatus == Overdue ? null : r with
        {
            CustomStatus = Overdue, UpdatedAt = now,
        }, cancellationToken);
    }
}

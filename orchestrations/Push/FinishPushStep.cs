using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Ends a push: completed, or completed with errors when changes failed or met conflicts, listing the first errors.
/// An import run whose approval started the push completes too, once none of its changes waits for a person.
/// </summary>
/// <remarks>Idempotent: both moves are conditional updates out of the state they leave, so a repeat changes nothing.</remarks>
public sealed class FinishPushStep(IRunStore runs, IStagedChangeStore staged, TimeProvider timeProvider) : IWorkflowStep<FinishPushMessage>
{
    private const int MaxListedErrors = 100;

    /// <inheritdoc />
    public async Task RunAsync(FinishPushMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status.IsFinished() || run.Phase != PushPhases.Finish)
        {
            return;
        }

        var markers = await runs.ListBatchCompletionsAsync(run.RunId, cancellationToken);
        var errors = markers.OrderBy(m => m.BatchIndex).SelectMany(m => m.Lists.GetValueOrDefault("errors") ?? []).Take(MaxListedErrors).ToList();
        var now = timeProvider.GetUtcNow();
        var (pushed, _) = await runs.UpdateAsync(run.RunId, r => r.Phase != PushPhases.Finish || r.Status.IsFinished() ? null : r with
        {
            Phase = PushPhases.Done,
            Status = r.Counter(PushCounters.Failed) + r.Counter(PushCounters.Conflicts) > 0 ? RunStatus.CompletedWithErrors : RunStatus.Completed,
            CustomStatus = null,
            Errors = errors,
            UpdatedAt = now,
            CompletedAt = now,
        }, cancellationToken);

        if (PushPayloads.SettingsOf(pushed.Configuration).SourceRunId is { } importRunId
            && await runs.GetAsync(importRunId, cancellationToken) is { Kind: ImportPhases.Kind, Status: RunStatus.AwaitingApproval }
            && await staged.CountPendingAsync(importRunId, cancellationToken) == 0)
        {
            await runs.UpdateAsync(importRunId, r => r.Status != RunStatus.AwaitingApproval ? null : r with
            {
                Phase = ImportPhases.Done,
                Status = r.Counter(ImportCounters.FailedRows) > 0 ? RunStatus.CompletedWithErrors : RunStatus.Completed,
                UpdatedAt = now,
                CompletedAt = now,
            }, cancellationToken);
        }
    }
}

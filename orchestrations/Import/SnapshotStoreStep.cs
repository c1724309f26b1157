using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Exports the store for a large import to match against: starts the export, polls it on a durable timer (a delayed
/// message) until the snapshot is loaded, then fans out the batches.
/// </summary>
/// <remarks>
/// Idempotent: the export's id and the current poll number live on the run and advance by conditional updates, so of
/// two deliveries of one poll only one schedules the next, and duplicates die out instead of multiplying. A redelivery
/// of the previous poll re-sends the current one, in case the delivery that advanced it stopped before sending. Loading
/// a completed export twice rewrites the same rows; the move to <see cref="ImportPhases.Validate"/> is conditional and a
/// redelivery after it re-sends the batches (duplicates are harmless).
/// </remarks>
public sealed class SnapshotStoreStep(IRunStore runs, IStoreSnapshots snapshots, IStepScheduler queue, ImportOptions options, TimeProvider timeProvider)
    : IWorkflowStep<SnapshotStoreMessage>
{
    /// <inheritdoc />
    public async Task RunAsync(SnapshotStoreMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status.IsFinished())
        {
            return;
        }

        var settings = ImportPayloads.SettingsOf(run.Configuration);
        if (run.Phase != ImportPhases.Snapshot)
        {
            if (context.IsRedelivery && run.Phase == ImportPhases.Validate)
            {
                await BatchFanOut.SendAsync(queue, run.BatchCount ?? 0, index => new StageBatchMessage(run.RunId, index), cancellationToken);
            }

            return;
        }

        if (message.Poll != settings.StorePoll)
        {
            if (context.IsRedelivery && message.Poll == settings.StorePoll - 1)
            {
                await ScheduleAsync(new SnapshotStoreMessage(run.RunId, settings.StorePoll), cancellationToken);
            }

            return;
        }

        var exportId = settings.StoreExportId ?? await snapshots.StartAsync(run.RunId, cancellationToken);
        if (settings.StoreExportId is not null && await snapshots.TryCompleteAsync(run.RunId, exportId, cancellationToken))
        {
            await FanOutAsync(run.RunId, context, cancellationToken);
            return;
        }

        var (_, advanced) = await runs.UpdateAsync(run.RunId, r =>
        {
            var current = ImportPayloads.SettingsOf(r.Configuration);
            return r.Phase != ImportPhases.Snapshot || current.StorePoll != message.Poll ? null : r with
            {
                Configuration = ImportPayloads.ConfigurationOf(current with { StoreExportId = current.StoreExportId ?? exportId, StorePoll = message.Poll + 1 }),
                UpdatedAt = timeProvider.GetUtcNow(),
            };
        }, cancellationToken);
        if (advanced)
        {
            await ScheduleAsync(new SnapshotStoreMessage(run.RunId, message.Poll + 1), cancellationToken);
        }
    }

    private Task ScheduleAsync(SnapshotStoreMessage next, CancellationToken cancellationToken)
        => queue.EnqueueAsync(next, options.StoreSnapshotPollInterval, cancellationToken);

    private async Task FanOutAsync(string runId, StepContext context, CancellationToken cancellationToken)
    {
        var (run, moved) = await runs.UpdateAsync(runId, r => r.Phase != ImportPhases.Snapshot || r.Status.IsFinished() ? null : r with
        {
            Phase = ImportPhases.Validate, CustomStatus = null, UpdatedAt = timeProvider.GetUtcNow(),
        }, cancellationToken);
        if (moved || (context.IsRedelivery && run.Phase == ImportPhases.Validate))
        {
            await BatchFanOut.SendAsync(queue, run.BatchCount ?? 0, index => new StageBatchMessage(runId, index), cancellationToken);
        }
    }
}

using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Chooses the changes a push applies — the listed ones, or the source run's approved changes plus those a failed or
/// interrupted push left — writes them in batches and fans out one message per batch. Large pushes take the bulk path.
/// </summary>
/// <remarks>
/// Idempotent: a repeat before the fan-out rewrites the same batches from the same (or a later) selection; the run
/// moves to <see cref="PushPhases.Push"/> with a conditional update, and only then are the messages sent. A
/// redelivery that finds the run fanned out sends them again, as the earlier delivery may have stopped half-way.
/// </remarks>
public sealed class SelectChangesStep(IRunStore runs, IStagedChangeStore staged, IPayloadStore payloads, IStepScheduler queue, PushOptions options, TimeProvider timeProvider)
    : IWorkflowStep<SelectChangesMessage>
{
    private static readonly ChangeStatus[] Pushable = [ChangeStatus.Approved, ChangeStatus.Applying, ChangeStatus.Failed];

    /// <inheritdoc />
    public async Task RunAsync(SelectChangesMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status.IsFinished())
        {
            return;
        }

        if (run.Phase != PushPhases.Select)
        {
            if (context.IsRedelivery && run.Phase == PushPhases.Push)
            {
                await BatchFanOut.SendAsync(queue, run.BatchCount ?? 0, index => new PushBatchMessage(run.RunId, index), cancellationToken);
            }

            return;
        }

        var settings = PushPayloads.SettingsOf(run.Configuration);
        var ids = await SelectAsync(settings, cancellationToken);
        var bulk = ids.Count > 0 && ids.Count >= options.BulkThreshold;
        var batches = ids.Chunk(bulk ? options.BulkBatchSize : options.BatchSize).ToList();
        for (var index = 0; index < batches.Count; index++)
        {
            await payloads.WritePushBatchAsync(run.RunId, index, batches[index], cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        var nextPhase = batches.Count == 0 ? PushPhases.Finish : PushPhases.Push;
        var (updated, changed) = await runs.UpdateAsync(run.RunId, r => r.Phase != PushPhases.Select || r.Status.IsFinished() ? null : r with
        {
            Status = RunStatus.Running,
            Phase = nextPhase,
            Configuration = PushPayloads.ConfigurationOf(settings with { Bulk = bulk }),
            CustomStatus = bulk ? "pushing through bulk mutations" : null,
            BatchCount = batches.Count,
            InitialCounters = new Dictionary<string, long> { [PushCounters.Total] = ids.Count },
            Counters = new Dictionary<string, long> { [PushCounters.Total] = ids.Count },
            Progress = new RunProgress(ids.Count, 0, 0, 0, 0),
            UpdatedAt = now,
        }, cancellationToken);
        if (!changed && updated.Phase == PushPhases.Select)
        {
            return;
        }

        if (nextPhase == PushPhases.Finish)
        {
            await queue.EnqueueAsync(new FinishPushMessage(run.RunId), null, cancellationToken);
        }
        else
        {
            await BatchFanOut.SendAsync(queue, batches.Count, index => new PushBatchMessage(run.RunId, index), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> SelectAsync(PushSettings settings, CancellationToken cancellationToken)
    {
        if (settings.SourceRunId is not { } sourceRunId)
        {
            return [.. (settings.ChangeIds ?? []).Distinct(StringComparer.Ordinal)];
        }

        var ids = new List<string>();
        foreach (var status in Pushable)
        {
            ids.AddRange(await staged.ListIdsAsync(sourceRunId, status, cancellationToken));
        }

        // Sorted, so a repeated selection writes the same batches.
        return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}

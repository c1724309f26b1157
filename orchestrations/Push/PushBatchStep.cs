using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>Pushes one batch and records its completion; the last batch to complete moves the run to <see cref="PushPhases.Finish"/>.</summary>
/// <remarks>
/// Idempotent: a batch whose completion marker exists is not pushed again, and pushing a batch twice is harmless
/// (<see cref="BatchPusher"/>). The fan-in recomputes the run's counters from the markers (<see cref="FanIn"/>); a
/// redelivery that finds the run already finishing enqueues the finish again, as the delivery that moved it may
/// have stopped before sending it.
/// </remarks>
public sealed class PushBatchStep(IRunStore runs, IPayloadStore payloads, BatchPusher pusher, IStepScheduler queue, TimeProvider timeProvider)
    : IWorkflowStep<PushBatchMessage>
{
    /// <summary>How many errors one batch lists on the run (its counters always hold the totals).</summary>
    private const int MaxListedErrors = 20;

    /// <inheritdoc />
    public async Task RunAsync(PushBatchMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.Status.IsFinished())
        {
            return;
        }

        var completion = await runs.IsBatchCompleteAsync(run.RunId, message.BatchIndex, cancellationToken)
            ? new BatchCompletion(message.BatchIndex, new Dictionary<string, long>(), new Dictionary<string, IReadOnlyList<string>>())
            : await PushAsync(run, message.BatchIndex, cancellationToken);
        var fanIn = await FanIn.CompleteBatchAsync(
            runs, run.RunId, completion, PushPhases.Push, PushPhases.Finish, PushCounters.ProgressOf, timeProvider.GetUtcNow(), cancellationToken);
        if (fanIn.AdvancedPhase || (context.IsRedelivery && fanIn.Run.Phase == PushPhases.Finish))
        {
            await queue.EnqueueAsync(new FinishPushMessage(run.RunId), null, cancellationToken);
        }
    }

    private async Task<BatchCompletion> PushAsync(WorkflowRun run, int batchIndex, CancellationToken cancellationToken)
    {
        var settings = PushPayloads.SettingsOf(run.Configuration);
        var changeIds = await payloads.ReadPushBatchAsync(run.RunId, batchIndex, cancellationToken);
        var (outcomes, errors) = await pusher.PushAsync(changeIds, settings.Bulk, run.CreatedBy ?? run.RunId, cancellationToken);
        var counters = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [PushCounters.Applied] = outcomes.Values.Count(o => o == PushOutcome.Applied),
            [PushCounters.Failed] = outcomes.Values.Count(o => o == PushOutcome.Failed),
            [PushCounters.Conflicts] = outcomes.Values.Count(o => o == PushOutcome.Conflict),
            [PushCounters.Skipped] = outcomes.Values.Count(o => o == PushOutcome.Skipped),
        };
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["errors"] = [.. errors.Take(MaxListedErrors)] };
        return new BatchCompletion(batchIndex, counters, lists);
    }
}

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

    private static readonly FanOutPhase<FinishPushMessage> Pushing =
        new(PushPhases.Push, PushPhases.Finish, PushCounters.ProgressOf, runId => new FinishPushMessage(runId));

    /// <inheritdoc />
    public Task RunAsync(PushBatchMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return FanIn.RunBatchAsync(runs, queue, Pushing, message.RunId, message.BatchIndex, context,
            run => PushAsync(run, message.BatchIndex, cancellationToken), timeProvider, cancellationToken);
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

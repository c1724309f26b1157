using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// Exactly-once fan-in over at-least-once delivery. Each batch writes a completion marker carrying its counters
/// (insert-if-absent, so a repeat adds nothing); then, winner or not, the run's counters are recomputed from all the
/// markers and saved with a conditional update. Recomputing rather than adding makes a crash between the marker and
/// the run update heal on redelivery. The update that first sees every batch done also moves the run to the next
/// phase; it alone reports <see cref="FanInResult.AdvancedPhase"/>.
/// </summary>
public static class FanIn
{
    /// <summary>
    /// The body of a batch step: does the batch's work unless its marker exists, records it, and sends the next step when
    /// this call finished the phase — or, on a redelivery, when the run is already there, since the delivery that moved
    /// it may have stopped before sending.
    /// </summary>
    /// <typeparam name="TNext">The message of the step after the fan-in.</typeparam>
    /// <param name="store">The run store.</param>
    /// <param name="queue">The step scheduler.</param>
    /// <param name="phase">The fanned-out phase.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="context">The delivery.</param>
    /// <param name="work">The batch's work on the run as read; returns its marker.</param>
    /// <param name="timeProvider">The clock of the update.</param>
    /// <param name="cancellationToken">Stops the step.</param>
    /// <returns>A task that completes when the batch is recorded.</returns>
    public static async Task RunBatchAsync<TNext>(
        IRunStore store,
        IStepScheduler queue,
        FanOutPhase<TNext> phase,
        string runId,
        int batchIndex,
        StepContext context,
        Func<WorkflowRun, Task<BatchCompletion>> work,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
        where TNext : IWorkflowMessage
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var run = await store.GetAsync(runId, cancellationToken);
        if (run is null || run.Status.IsFinished())
        {
            return;
        }

        var completion = await store.IsBatchCompleteAsync(runId, batchIndex, cancellationToken)
            ? new BatchCompletion(batchIndex, new Dictionary<string, long>(), new Dictionary<string, IReadOnlyList<string>>())
            : await work(run);
        var fanIn = await CompleteBatchAsync(store, runId, completion, phase.From, phase.To, phase.ProgressOf, timeProvider.GetUtcNow(), cancellationToken);
        if (fanIn.AdvancedPhase || (context.IsRedelivery && fanIn.Run.Phase == phase.To))
        {
            await queue.EnqueueAsync(phase.NextOf(runId), null, cancellationToken);
        }
    }

    /// <summary>Records a finished batch and advances the run's counters and, when it was the last, its phase.</summary>
    /// <param name="store">The run store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="completion">The batch's marker.</param>
    /// <param name="fromPhase">The fanned-out phase.</param>
    /// <param name="toPhase">The phase once every batch is done.</param>
    /// <param name="progressOf">Maps the recomputed counters to the run's progress.</param>
    /// <param name="now">The time of the update.</param>
    /// <param name="cancellationToken">Stops the update.</param>
    /// <returns>The run after the update, and whether this call moved it to <paramref name="toPhase"/>.</returns>
    public static async Task<FanInResult> CompleteBatchAsync(
        IRunStore store,
        string runId,
        BatchCompletion completion,
        string fromPhase,
        string toPhase,
        Func<IReadOnlyDictionary<string, long>, RunProgress, RunProgress> progressOf,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(progressOf);
        await store.TryAddBatchCompletionAsync(runId, completion, cancellationToken);
        var markers = await store.ListBatchCompletionsAsync(runId, cancellationToken);
        var advanced = false;
        var (run, _) = await store.UpdateAsync(runId, run =>
        {
            advanced = false;
            if (run.Status.IsFinished() || run.CompletedBatches >= markers.Count)
            {
                // Already counted (a later fan-in read more markers) or stopped: nothing to add.
                return null;
            }

            var counters = Sum(run.InitialCounters, markers);
            var allDone = markers.Count >= run.BatchCount;
            advanced = allDone && run.Phase == fromPhase;
            return run with
            {
                Counters = counters,
                CompletedBatches = markers.Count,
                Progress = progressOf(counters, run.Progress),
                Phase = advanced ? toPhase : run.Phase,
                UpdatedAt = now,
            };
        }, cancellationToken);
        return new FanInResult(run, advanced);
    }

    private static Dictionary<string, long> Sum(IReadOnlyDictionary<string, long> initial, IReadOnlyList<BatchCompletion> markers)
    {
        var totals = new Dictionary<string, long>(initial, StringComparer.Ordinal);
        foreach (var (name, value) in markers.SelectMany(m => m.Counters))
        {
            totals[name] = totals.GetValueOrDefault(name) + value;
        }

        return totals;
    }
}

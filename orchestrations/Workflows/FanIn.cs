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

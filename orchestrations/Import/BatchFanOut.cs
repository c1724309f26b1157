using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Import;

/// <summary>Sends one <see cref="StageBatchMessage"/> per batch of a run; sending them again is harmless.</summary>
public static class BatchFanOut
{
    private const int ParallelSends = 8;

    /// <summary>Sends the run's batch messages.</summary>
    /// <param name="scheduler">The step scheduler.</param>
    /// <param name="runId">The run.</param>
    /// <param name="batches">How many batches it has.</param>
    /// <param name="cancellationToken">Stops the sending.</param>
    /// <returns>A task that completes when every message is sent.</returns>
    public static Task SendAsync(IStepScheduler scheduler, string runId, int batches, CancellationToken cancellationToken)
        => Parallel.ForAsync(0, batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            async (index, token) => await scheduler.EnqueueAsync(new StageBatchMessage(runId, index), null, token));
}

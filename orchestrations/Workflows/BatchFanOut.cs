using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>Sends one message per batch of a run; sending them again is harmless, since each batch step is idempotent.</summary>
public static class BatchFanOut
{
    private const int ParallelSends = 8;

    /// <summary>Sends the run's batch messages.</summary>
    /// <typeparam name="TMessage">The batch step's message.</typeparam>
    /// <param name="scheduler">The step scheduler.</param>
    /// <param name="batches">How many batches the run has.</param>
    /// <param name="messageOf">The message of a batch, by index.</param>
    /// <param name="cancellationToken">Stops the sending.</param>
    /// <returns>A task that completes when every message is sent.</returns>
    public static Task SendAsync<TMessage>(IStepScheduler scheduler, int batches, Func<int, TMessage> messageOf, CancellationToken cancellationToken)
        where TMessage : IWorkflowMessage
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(messageOf);
        return Parallel.ForAsync(0, batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            async (index, token) => await scheduler.EnqueueAsync(messageOf(index), null, token));
    }
}

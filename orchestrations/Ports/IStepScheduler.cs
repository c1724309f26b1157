using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Schedules workflow steps: messages on the work queue, now or after a delay (a durable timer).</summary>
public interface IStepScheduler
{
    /// <summary>Enqueues a step message, visible at once or after <paramref name="delay"/> (a durable timer).</summary>
    /// <typeparam name="TMessage">The message type; serialized as JSON with its <c>type</c> and <c>run_id</c>.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="delay">How long to keep it invisible; at most <see cref="MaxDelay"/>.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the message is stored.</returns>
    Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay, CancellationToken cancellationToken)
        where TMessage : IWorkflowMessage;

    /// <summary>The longest delay a message can carry (Storage queues: 7 days); longer timers re-arm.</summary>
    static TimeSpan MaxDelay => TimeSpan.FromDays(7);
}

namespace CowansSync.Orchestrations.Workflows;

/// <summary>One step of a workflow, run once per delivery of its message.</summary>
/// <typeparam name="TMessage">The step's message.</typeparam>
/// <remarks>Deliveries are at least once: running a step twice, or twice at the same time, must leave the same state.</remarks>
public interface IWorkflowStep<in TMessage>
    where TMessage : IWorkflowMessage
{
    /// <summary>Runs the step; throwing fails the delivery, so the message is retried and, in the end, poisoned.</summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The delivery.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the step is done.</returns>
    Task RunAsync(TMessage message, StepContext context, CancellationToken cancellationToken);
}

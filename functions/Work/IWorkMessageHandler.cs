namespace CowansSync.Functions.Work;

/// <summary>
/// Handles one type of <c>sync-work</c> message. Registered with
/// <see cref="WorkServiceCollectionExtensions.AddWorkMessageHandler{THandler}"/> under the message type.
/// </summary>
/// <remarks>Messages are delivered at least once: handling the same message twice must be harmless.</remarks>
public interface IWorkMessageHandler
{
    /// <summary>Handles the message; throwing fails this delivery, so the message is retried and, in the end, poisoned.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    Task HandleAsync(WorkMessage message, CancellationToken cancellationToken);
}

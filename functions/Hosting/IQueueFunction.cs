namespace CowansSync.Functions.Hosting;

/// <summary>
/// Handles one message of a queue-triggered function. Registered as a keyed service under the function's name
/// (<see cref="FunctionServiceCollectionExtensions.AddQueueFunction{THandler}"/>); both hosting modes call it.
/// </summary>
/// <remarks>
/// Delivery is at least once: a message may be handled twice or concurrently. Throwing fails the message; it is
/// delivered again later and, after the fifth failed delivery, moved to the poison queue.
/// </remarks>
public interface IQueueFunction
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancelled when the app stops or the host gives up on the invocation.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    Task RunAsync(QueueMessageInvocation message, CancellationToken cancellationToken);
}

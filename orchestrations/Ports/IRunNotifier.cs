using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Tells people that a run needs attention (the configured notification webhook, and the log).</summary>
public interface IRunNotifier
{
    /// <summary>Sends the notification.</summary>
    /// <param name="notification">What to say.</param>
    /// <param name="cancellationToken">Stops the send.</param>
    /// <returns>A task that completes when it is sent.</returns>
    Task NotifyAsync(RunNotification notification, CancellationToken cancellationToken);
}

using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Workflows;

/// <summary>Logs a warning and, when <c>Notifications__WebhookUrl</c> is set, posts the notification there as JSON.</summary>
public sealed partial class RunNotifier(HttpClient http, IOptions<NotificationOptions> options, ILogger<RunNotifier> logger) : IRunNotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(RunNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogNotification(notification.Event, notification.RunId, notification.Message);
        if (options.Value.WebhookUrl is { } url)
        {
            // A failure throws: the step is retried, so the notification is sent at least once.
            using var response = await http.PostAsJsonAsync(url, new
            {
                @event = notification.Event,
                run_id = notification.RunId,
                kind = notification.Kind,
                message = notification.Message,
                at = notification.At,
            }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Run notification {Event} for run {RunId}: {Message}")]
    private partial void LogNotification(string @event, string runId, string message);
}

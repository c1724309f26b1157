using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// Logs a warning and, when <c>Notifications__WebhookUrl</c> is set, posts the notification there as JSON. A webhook
/// that fails is logged, not thrown: the run's state (e.g. overdue) must not depend on the receiver being up.
/// </summary>
public sealed partial class RunNotifier(HttpClient http, IOptions<NotificationOptions> options, ILogger<RunNotifier> logger) : IRunNotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(RunNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogNotification(notification.Event, notification.RunId, notification.Message);
        if (options.Value.WebhookUrl is not { } url)
        {
            return;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(url, new
            {
                @event = notification.Event,
                run_id = notification.RunId,
                kind = notification.Kind,
                message = notification.Message,
                at = notification.At,
            }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogWebhookFailed(notification.RunId, $"it answered {(int)response.StatusCode}");
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogWebhookFailed(notification.RunId, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Run notification {Event} for run {RunId}: {Message}")]
    private partial void LogNotification(string @event, string runId, string message);

    [LoggerMessage(2, LogLevel.Error, "The notification webhook failed for run {RunId}: {Reason}")]
    private partial void LogWebhookFailed(string runId, string reason);
}

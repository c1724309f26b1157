using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Schedules;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Workflows;

/// <summary>
/// The app's one notifier: logs a warning and, when <c>Notifications__WebhookUrl</c> is set, posts the notification
/// there (or to the notification's own webhook, a schedule's) as JSON — <c>{event, run_id, kind, message, at,
/// delivery_id}</c>, and for a scheduled run <c>steps: [{type, status, run_ids, counters, message}]</c> — signed, when
/// <c>Notifications__SigningSecret</c> is set, with <c>X-CowansSync-Signature: sha256=&lt;base64 HMAC-SHA256 of the raw
/// body&gt;</c> so receivers can verify it. The HTTP client retries what fails transiently (its resilience handler); a
/// delivery that fails anyway is logged, not thrown: a run's state (e.g. overdue) must not depend on the receiver.
/// </summary>
/// <param name="http">The client, with the retries.</param>
/// <param name="options">Where to, and the signing secret.</param>
/// <param name="logger">Every notification, and failed deliveries.</param>
public sealed partial class RunNotifier(HttpClient http, IOptions<NotificationOptions> options, ILogger<RunNotifier> logger) : IRunNotifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-CowansSync-Signature";

    /// <inheritdoc />
    public async Task NotifyAsync(RunNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogNotification(notification.Event, notification.RunId, notification.Message);
        if ((notification.WebhookUrl is { } own ? new Uri(own) : options.Value.WebhookUrl) is not { } url)
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new NotificationBody(notification.Event, notification.RunId, notification.Kind, notification.Message, notification.At, Guid.NewGuid().ToString("N"), notification.Steps),
            Json);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add("X-CowansSync-Event", notification.Event);
            if (options.Value.SigningSecret is { Length: > 0 } secret)
            {
                request.Headers.Add(SignatureHeader, $"sha256={Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}");
            }

            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogWebhookFailed(notification.RunId, $"it answered {(int)response.StatusCode}");
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogWebhookFailed(notification.RunId, error.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Run notification {Event} for run {RunId}: {Message}")]
    private partial void LogNotification(string @event, string runId, string message);

    [LoggerMessage(2, LogLevel.Error, "The notification webhook failed for run {RunId}: {Reason}")]
    private partial void LogWebhookFailed(string runId, string reason);
}

/// <summary>The JSON a notification webhook receives.</summary>
/// <param name="Event">What happened.</param>
/// <param name="RunId">The run.</param>
/// <param name="Kind">Its workflow.</param>
/// <param name="Message">For people.</param>
/// <param name="At">When.</param>
/// <param name="DeliveryId">This delivery: retries of one delivery share it.</param>
/// <param name="Steps">A scheduled run's steps.</param>
internal sealed record NotificationBody(
    string Event, string RunId, string Kind, string Message, DateTimeOffset At, string DeliveryId, IReadOnlyList<ScheduledStepOutcome>? Steps);

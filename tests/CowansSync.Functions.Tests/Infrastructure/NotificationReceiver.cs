using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>
/// A real HTTP endpoint (Kestrel on a free loopback port) standing in for the notification webhook: it keeps every
/// delivery it is posted — the raw body and the signature header — and can fail the first ones.
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Body, string? Signature)> _deliveries = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private NotificationReceiver(WebApplication app) => _app = app;

    /// <summary>The address to set as <c>Notifications:WebhookUrl</c>.</summary>
    public string Url => $"{_app.Urls.Single()}/hooks/cowans";

    /// <summary>The bodies received so far, in order, as JSON.</summary>
    public IReadOnlyList<JsonElement> Received => [.. Deliveries.Select(delivery => JsonDocument.Parse(delivery.Body).RootElement)];

    /// <summary>The deliveries so far, in order: the raw body and the <c>X-CowansSync-Signature</c> header.</summary>
    public IReadOnlyList<(string Body, string? Signature)> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Starts the endpoint.</summary>
    /// <param name="status">What it answers (204 by default; 503 plays a receiver that is down).</param>
    /// <param name="failures">How many of the first deliveries it answers 503 before answering <paramref name="status"/>.</param>
    /// <returns>The running endpoint.</returns>
    public static async Task<NotificationReceiver> StartAsync(int status = StatusCodes.Status204NoContent, int failures = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/hooks/cowans", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            int count;
            lock (receiver._deliveries)
            {
                receiver._deliveries.Add((body, request.Headers["X-CowansSync-Signature"].FirstOrDefault()));
                count = receiver._deliveries.Count;
            }

            receiver._arrived.Release();
            return Results.StatusCode(count <= failures ? StatusCodes.Status503ServiceUnavailable : status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits for the next body to arrive.</summary>
    /// <param name="timeout">How long at most.</param>
    /// <returns>A task that completes when one has arrived; it fails after the timeout.</returns>
    public async Task WaitAsync(TimeSpan timeout)
    {
        if (!await _arrived.WaitAsync(timeout))
        {
            throw new TimeoutException($"No notification arrived within {timeout}.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>A real HTTP endpoint (Kestrel on a free loopback port) standing in for the notification webhook: it keeps every JSON body it is posted.</summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonElement> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private NotificationReceiver(WebApplication app) => _app = app;

    /// <summary>The address to set as <c>Notifications:WebhookUrl</c>.</summary>
    public string Url => $"{_app.Urls.Single()}/hooks/cowans";

    /// <summary>The bodies received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Starts the endpoint.</summary>
    /// <param name="status">What it answers (204 by default; 503 plays a receiver that is down).</param>
    /// <returns>The running endpoint.</returns>
    public static async Task<NotificationReceiver> StartAsync(int status = StatusCodes.Status204NoContent)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/hooks/cowans", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            lock (receiver._received)
            {
                receiver._received.Add(body);
            }

            receiver._arrived.Release();
            return Results.StatusCode(status);
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

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Webhooks;

/// <summary>
/// A real Kestrel address the sandbox's Shopify can deliver webhooks to, relaying each delivery — raw body and Shopify's
/// headers untouched — to the in-memory app, and answering with the app's answer.
/// </summary>
internal sealed class WebhookRelay : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookRelay(WebApplication app) => _app = app;

    /// <summary>Where to register: <c>http://127.0.0.1:{port}/api/shopify/webhooks</c>.</summary>
    public Uri Url => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/api/shopify/webhooks");

    public static async Task<WebhookRelay> StartAsync(HttpClient target)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/shopify/webhooks", async (HttpRequest request) =>
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            using var forward = new HttpRequestMessage(HttpMethod.Post, "/api/shopify/webhooks") { Content = new ByteArrayContent(copy.ToArray()) };
            foreach (var header in request.Headers.Where(h => h.Key.StartsWith("X-Shopify-", StringComparison.OrdinalIgnoreCase)))
            {
                forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            using var answer = await target.SendAsync(forward);
            return Results.StatusCode((int)answer.StatusCode);
        });
        await app.StartAsync();
        return new WebhookRelay(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

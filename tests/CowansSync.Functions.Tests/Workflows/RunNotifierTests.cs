using System.Security.Cryptography;
using System.Text;
using CowansSync.Functions.Extensions;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CowansSync.Functions.Tests.Workflows;

/// <summary>The app's notifier as the app wires it, against a real HTTP receiver: signed, retried, never throwing.</summary>
public sealed class RunNotifierTests
{
    private const string Secret = "notification-signing-secret";
    private static readonly RunNotification Notification = new("inventory-1", RunKinds.XorosoftInventory, "out_of_stock", "COS-1 is out of stock.", new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task NotifyAsync_ReceiverFailsOnce_RetriesTheSameSignedDelivery()
    {
        // Arrange
        await using var receiver = await NotificationReceiver.StartAsync(failures: 1);
        using var host = Build(receiver.Url, Secret);

        // Act
        await host.Services.GetRequiredService<IRunNotifier>().NotifyAsync(Notification, CancellationToken.None);

        // Assert: the same body twice, its signature the HMAC of the raw body.
        var deliveries = receiver.Deliveries;
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0], deliveries[1]);
        var (body, signature) = deliveries[1];
        Assert.Equal($"sha256={Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)))}", signature);
        var json = receiver.Received[1];
        Assert.Equal("out_of_stock", json.GetProperty("event").GetString());
        Assert.Equal("inventory-1", json.GetProperty("run_id").GetString());
        Assert.Equal("xorosoft_inventory", json.GetProperty("kind").GetString());
        Assert.Equal(32, json.GetProperty("delivery_id").GetString()!.Length);
    }

    [Fact]
    public async Task NotifyAsync_ReceiverDown_GivesUpAfterTheAttemptsWithoutThrowing()
    {
        await using var receiver = await NotificationReceiver.StartAsync(StatusCodes.Status503ServiceUnavailable);
        using var host = Build(receiver.Url, signingSecret: null, maxAttempts: 2);

        await host.Services.GetRequiredService<IRunNotifier>().NotifyAsync(Notification, CancellationToken.None);

        Assert.Equal(2, receiver.Deliveries.Count);
        Assert.All(receiver.Deliveries, delivery => Assert.Null(delivery.Signature));
    }

    private static IHost Build(string url, string? signingSecret, int maxAttempts = 4)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{NotificationOptions.Section}:{nameof(NotificationOptions.WebhookUrl)}"] = url,
            [$"{NotificationOptions.Section}:{nameof(NotificationOptions.SigningSecret)}"] = signingSecret,
            [$"{NotificationOptions.Section}:{nameof(NotificationOptions.MaxAttempts)}"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddWorkflows();
        return builder.Build();
    }
}

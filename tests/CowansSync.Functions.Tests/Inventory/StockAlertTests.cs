using System.Net;
using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;

namespace CowansSync.Functions.Tests.Inventory;

/// <summary>
/// Out-of-stock alerts on their own sandbox: an item going to 0 opens one alert and sends one notification; a second
/// sync while it stays at 0 sends none; a recount above the threshold resolves it.
/// </summary>
public sealed class StockAlertTests(InventorySandbox sandbox) : IClassFixture<InventorySandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task Sync_ItemGoesToZero_OneAlertAndOneNotificationUntilItIsBack()
    {
        // Arrange: the store pulled, notifications going to a real endpoint; the warehouse runs out of one item.
        await using var webhook = await NotificationReceiver.StartAsync();
        var settings = new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = webhook.Url };
        await using var app = sandbox.CreateApp(settings: settings);
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await InventorySyncTests.StartAndWaitAsync(client, "/api/sync/shopify/pull", new { sync_type = "full" });
        var sku = (await InventorySyncTests.SkusAsync(sandbox))[3];
        await InventorySyncTests.RecountAsync(sandbox, sku, 0);
        var body = new { sync_mode = "specific", product_skus = new[] { sku } };

        // Act
        var first = await InventorySyncTests.StartAndWaitAsync(client, "/api/xorosoft/sync/inventory", body);
        await webhook.WaitAsync(TimeSpan.FromSeconds(30));
        var open = await AlertsAsync(client, "open");
        var second = await InventorySyncTests.StartAndWaitAsync(client, "/api/xorosoft/sync/inventory", body);
        await InventorySyncTests.RecountAsync(sandbox, sku, 10);
        await InventorySyncTests.StartAndWaitAsync(client, "/api/xorosoft/sync/inventory", body);

        // Assert
        Assert.Equal(1, first.GetProperty("counters").GetProperty("out_of_stock_alerts").GetInt32());
        Assert.Equal(0, second.GetProperty("counters").GetProperty("out_of_stock_alerts").GetInt32());
        var alert = Assert.Single(open, item => item.GetProperty("sku").GetString() == sku);
        Assert.Equal(0, alert.GetProperty("quantity").GetInt32());
        Assert.Equal(first.GetProperty("run_id").GetString(), alert.GetProperty("run_id").GetString());
        var notification = Assert.Single(webhook.Received);
        Assert.Equal("out_of_stock", notification.GetProperty("event").GetString());
        Assert.Contains(sku, notification.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await AlertsAsync(client, "open"), item => item.GetProperty("sku").GetString() == sku);
        Assert.Contains(await AlertsAsync(client, "resolved"), item => item.GetProperty("sku").GetString() == sku);
    }

    [Fact]
    public async Task Alerts_UnknownStatus_400NamesIt()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/xorosoft/alerts?status=closed", Key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty("status", out _));
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client, string status)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/xorosoft/alerts?status={status}&per_page=200", Key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }
}

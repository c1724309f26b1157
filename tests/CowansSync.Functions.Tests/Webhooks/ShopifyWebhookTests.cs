using System.Net;
using System.Text;
using System.Text.Json;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Pull;
using CowansSync.Functions.Tests.Push;
using CowansSync.Functions.Webhooks;

namespace CowansSync.Functions.Tests.Webhooks;

/// <summary>
/// Shopify's webhooks on the sandbox: a delivery signed with the app's secret is queued and synced like a pull (one
/// delivered by the sandbox itself through a real address included); a wrong signature is refused with nothing stored;
/// a repeated event is taken once; a deleted product is detached; a bulk operation's finish ends its poll early.
/// </summary>
public sealed class ShopifyWebhookTests(PullSandbox sandbox) : IClassFixture<PullSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task Webhook_RegisteredAndDeliveredByTheStore_SyncsTheMerchantsEdit()
    {
        // Arrange: the app's webhook address, reachable by the sandbox, subscribed through the API.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await using var relay = await WebhookRelay.StartAsync(client);
        using var registered = await client.SendAsync(HttpMethod.Post, "/api/shopify/webhooks/register", Key, new { callback_url = relay.Url.AbsoluteUri });
        using var again = await client.SendAsync(HttpMethod.Post, "/api/shopify/webhooks/register", Key, new { callback_url = relay.Url.AbsoluteUri });
        var sku = await StoreSkuAsync(0);

        // Act: the merchant reprices; the store delivers products/update.
        await PushClient.MerchantEditAsync(sandbox, sku, new { price = "7.89" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(5, (await registered.ReadJsonAsync()).GetProperty("created").GetArrayLength());
        Assert.Equal(0, (await again.ReadJsonAsync()).GetProperty("created").GetArrayLength());
        var local = await WaitForPriceAsync(client, sku, "7.89");
        Assert.Equal("7.89", PushClient.StagedValue(local.GetProperty("price")));
        var versions = (await (await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku)}/versions", Key)).ReadJsonAsync()).GetProperty("items");
        Assert.Equal(ShopifyWebhookProcessor.Actor, versions[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Webhook_MerchantDeletesAPulledProduct_LocalProductDetachedWithAVersion()
    {
        // Arrange: the store pulled, with its webhooks delivered to the app.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await using var relay = await SubscribeAsync(client);
        await PullAsync(client);
        var sku = await StoreSkuAsync(2);
        var pulled = await ProductAsync(client, sku);
        var versionsBefore = await VersionCountAsync(client, sku);

        // Act: the merchant deletes the product; the store delivers products/delete.
        using var http = new HttpClient();
        (await http.DeleteAsync(new Uri(sandbox.Sandbox.ControlUrl, $"/shopify/products/{Uri.EscapeDataString(sku)}"))).EnsureSuccessStatusCode();

        // Assert: the local product keeps its content and history, and names no store product any more.
        var detached = await WaitForAsync(client, sku, product => !product.TryGetProperty("shopify_product_id", out _));
        Assert.StartsWith("gid://shopify/Product/", pulled.GetProperty("shopify_product_id").GetString(), StringComparison.Ordinal);
        Assert.Equal(pulled.GetProperty("title").GetString(), detached.GetProperty("title").GetString());
        Assert.Equal(0, detached.GetProperty("collections").GetArrayLength());
        Assert.Equal(versionsBefore + 1, await VersionCountAsync(client, sku));
    }

    [Fact]
    public async Task Webhook_BulkOperationFinishes_FullPullGoesOnWithoutWaitingThePollInterval()
    {
        // Arrange: the export is polled every 10 minutes (the test gives up after 2); only its finish webhook can end the wait sooner.
        await using var app = sandbox.CreateApp(settings: new Dictionary<string, string?> { ["Pull:ExportPollInterval"] = "00:10:00" });
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await using var relay = await SubscribeAsync(client);
        // The export runs long enough that the first check finds it running.
        await PushClient.SetFaultsAsync(sandbox, new { bulkRunningMs = 3_000 });

        // Act
        var run = await PullAsync(client);

        // Assert
        Assert.Equal("completed", run.GetProperty("status").GetString());
        Assert.True(run.GetProperty("counters").GetProperty("products_checked").GetInt64() > 0);
    }

    [Fact]
    public async Task Webhook_SignedAndRepeated_TakenOnceAndSynced()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        var sku = await StoreSkuAsync(1);
        // The REST product, as Shopify's products/update payload carries it: before and after the merchant's edit.
        var older = Encoding.UTF8.GetBytes((await PushClient.StoreAsync(sandbox, sku)).GetRawText());
        await PushClient.MerchantEditAsync(sandbox, sku, new { price = "3.21" });
        var body = Encoding.UTF8.GetBytes((await PushClient.StoreAsync(sandbox, sku)).GetRawText());

        using var first = await DeliverAsync(client, body, ShopifyWebhookSignatureTests.Sign(Secret(), body), "e-1");
        using var repeat = await DeliverAsync(client, body, ShopifyWebhookSignatureTests.Sign(Secret(), body), "e-1");
        await WaitForPriceAsync(client, sku, "3.21");
        var versionsBefore = await VersionCountAsync(client, sku);
        using var late = await DeliverAsync(client, older, ShopifyWebhookSignatureTests.Sign(Secret(), older), "e-0");
        await WaitForQueueEmptyAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False((await first.ReadJsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.True((await repeat.ReadJsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.False((await late.ReadJsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.Equal("3.21", PushClient.StagedValue((await WaitForPriceAsync(client, sku, "3.21")).GetProperty("price")));
        Assert.Equal(versionsBefore, await VersionCountAsync(client, sku));
    }

    private static async Task<int> VersionCountAsync(HttpClient client, string sku)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku)}/versions", Key);
        return (await response.ReadJsonAsync()).GetProperty("total").GetInt32();
    }

    private async Task WaitForQueueEmptyAsync()
    {
        var queue = await StorageClients.FromConnectionString(sandbox.Sandbox.Value("storage", "connection_string")).GetQueueAsync(ShopifyWebhookApi.QueueName);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await queue.GetPropertiesAsync(deadline.Token)).Value.ApproximateMessagesCount > 0)
        {
            await Task.Delay(250, deadline.Token);
        }
    }

    [Fact]
    public async Task Webhook_WrongSignature_401AndNothingQueuedOrRecorded()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"id":1}""");

        using var wrong = await DeliverAsync(client, body, ShopifyWebhookSignatureTests.Sign("not-the-secret", body), "e-wrong");
        using var missing = await DeliverAsync(client, body, null, "e-missing");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        var storage = StorageClients.FromConnectionString(sandbox.Sandbox.Value("storage", "connection_string"));
        var queue = await storage.GetQueueAsync(ShopifyWebhookApi.QueueName);
        Assert.DoesNotContain((await queue.PeekMessagesAsync(32)).Value, message => message.Body.ToString().Contains("e-wrong", StringComparison.Ordinal));
        var events = await storage.GetTableAsync(WebhookEventLog.TableName);
        Assert.Empty(events.Query<Azure.Data.Tables.TableEntity>(entity => entity.RowKey == "e-wrong" || entity.RowKey == "e-missing"));
    }

    private string Secret() => sandbox.Sandbox.Value("shopify", "client_secret");

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient client, byte[] body, string? signature, string eventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/shopify/webhooks") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Shopify-Topic", "products/update");
        request.Headers.Add("X-Shopify-Event-Id", eventId);
        if (signature is not null)
        {
            request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
        }

        return await client.SendAsync(request);
    }

    private static Task<JsonElement> WaitForPriceAsync(HttpClient client, string sku, string price)
        => WaitForAsync(client, sku, product => PushClient.StagedValue(product.GetProperty("price")) == price);

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string sku, Func<JsonElement, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku)}", Key);
            if (response.IsSuccessStatusCode && await response.ReadJsonAsync() is var product && done(product))
            {
                return product;
            }

            await Task.Delay(250, deadline.Token);
        }
    }

    // The app's webhook address, reachable by the sandbox, subscribed to every topic.
    private static async Task<WebhookRelay> SubscribeAsync(HttpClient client)
    {
        var relay = await WebhookRelay.StartAsync(client);
        using var registered = await client.SendAsync(HttpMethod.Post, "/api/shopify/webhooks/register", Key, new { callback_url = relay.Url.AbsoluteUri });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return relay;
    }

    private static async Task<JsonElement> ProductAsync(HttpClient client, string sku)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku)}", Key);
        Assert.True(response.IsSuccessStatusCode, $"{sku}: {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonElement> PullAsync(HttpClient client)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/sync/shopify/pull", Key, new { sync_type = "full" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await PushClient.WaitAsync(client, (await response.ReadJsonAsync()).GetProperty("batch_id").GetString()!, TimeSpan.FromMinutes(2));
    }

    // Each test takes its own product: the sandbox's clock restarts on reset, so a product synced by an earlier test
    // holds a later Shopify time than a new edit of it, and the sync rightly refuses the "older" state.
    private async Task<string> StoreSkuAsync(int index)
    {
        var truth = (await sandbox.TruthAsync()).GetProperty("skus");
        return truth.EnumerateObject().Where(sku => sku.Value.GetProperty("partition").GetString() == "in_all").ElementAt(index).Name;
    }
}

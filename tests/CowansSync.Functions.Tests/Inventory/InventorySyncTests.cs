using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Tests.Import;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Push;

namespace CowansSync.Functions.Tests.Inventory;

/// <summary>100 products in the flat layout, for inventory syncs (each test resets the sandbox first; the local catalog carries over).</summary>
public sealed class InventorySandbox() : ImportSandbox("flat", 100);

/// <summary>
/// Xorosoft → local catalog → store on the sandbox (real Azurite, Xorosoft and Shopify simulators), through the HTTP API:
/// the warehouse recounts stock, the sync stages exactly those products, the rules approve them and the push sets the
/// store's quantities compare-and-set.
/// </summary>
public sealed class InventorySyncTests(InventorySandbox sandbox) : IClassFixture<InventorySandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;
    private static readonly string[] s_inXorosoftAndStore = ["in_all", "shopify_only"];

    [Fact]
    public async Task Sync_WarehouseRecountsStock_StagesExactlyThoseApprovesAndPushesThem()
    {
        // Arrange: the local catalog is the store, the store's stock is Xorosoft's; then the warehouse recounts 51 items.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await StartAndWaitAsync(client, "/api/sync/shopify/pull", new { sync_type = "full" });
        await StartAndWaitAsync(client, "/api/xorosoft/sync/inventory", new { sync_mode = "all", update_shopify = true });
        await ApproveAndPushTheRestAsync(client);
        var skus = await SkusAsync(sandbox);
        var raised = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sku in skus.Take(50))
        {
            raised[sku] = await StoreQuantityAsync(sandbox, sku) + 5;
            await RecountAsync(sandbox, sku, raised[sku]);
        }

        var emptied = skus[50];
        await RecountAsync(sandbox, emptied, 0);

        // Act
        var run = await StartAndWaitAsync(client, "/api/xorosoft/sync/inventory", new { sync_mode = "changed", update_shopify = true });

        // Assert: 51 staged; the 50 raised ones approved and in the store; the emptied one waits for a person, and alerts.
        var counters = run.GetProperty("counters");
        Assert.Equal(51, counters.GetProperty("inventory_updates").GetInt32());
        Assert.Equal(50, counters.GetProperty("auto_approved").GetInt32());
        Assert.Equal(1, counters.GetProperty("pending_review").GetInt32());
        Assert.Equal(1, counters.GetProperty("out_of_stock_alerts").GetInt32());
        Assert.Equal(50, counters.GetProperty("pushed").GetInt32());
        foreach (var (sku, quantity) in raised)
        {
            Assert.Equal(quantity, await StoreQuantityAsync(sandbox, sku));
        }

        Assert.NotEqual(0, await StoreQuantityAsync(sandbox, emptied));
        var staged = await StagedAsync(client, run.GetProperty("run_id").GetString()!);
        Assert.Equal([.. raised.Keys.Append(emptied).Order(StringComparer.Ordinal)], staged.Select(change => change.GetProperty("sku").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(staged, change => Assert.Equal(["inventory_quantity"], change.GetProperty("field_changes").EnumerateObject().Select(field => field.Name)));
        Assert.All(staged, change => Assert.Equal("xorosoft_inventory", change.GetProperty("sync_direction").GetString()));
    }

    [Fact]
    public async Task Sync_InvalidRequest_400NamesTheField()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        using var mode = await client.SendAsync(HttpMethod.Post, "/api/xorosoft/sync/inventory", Key, new { sync_mode = "some" });
        using var skus = await client.SendAsync(HttpMethod.Post, "/api/xorosoft/sync/inventory", Key, new { sync_mode = "specific" });
        using var batch = await client.SendAsync(HttpMethod.Post, "/api/xorosoft/sync/inventory", Key, new { batch_size = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, mode.StatusCode);
        Assert.True((await mode.ReadJsonAsync()).GetProperty("details").TryGetProperty("sync_mode", out _));
        Assert.True((await skus.ReadJsonAsync()).GetProperty("details").TryGetProperty("product_skus", out _));
        Assert.True((await batch.ReadJsonAsync()).GetProperty("details").TryGetProperty("batch_size", out _));
    }

    internal static async Task<JsonElement> StartAndWaitAsync(HttpClient client, string route, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, route, Key, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = await response.ReadJsonAsync();
        var runId = (started.TryGetProperty("sync_id", out var syncId) ? syncId : started.GetProperty("batch_id")).GetString()!;
        var run = await PushClient.WaitAsync(client, runId);
        Assert.True(run.GetProperty("status").GetString() is "completed" or "completed_with_errors", run.ToString());
        return run;
    }

    // Changes the first sync left for a person (steep drops) are approved and pushed, so the store holds Xorosoft's stock.
    private static async Task ApproveAndPushTheRestAsync(HttpClient client)
    {
        using var pending = await client.SendAsync(HttpMethod.Get, "/api/sync/staged?status=pending&source=xorosoft&per_page=200", Key);
        var ids = (await pending.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(change => change.GetProperty("id").GetString()!).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var id in ids)
        {
            await PushClient.DecideAsync(client, id, approve: true);
        }

        await PushClient.WaitAsync(client, await PushClient.StartAsync(client, new { change_ids = ids, confirm = true }));
    }

    internal static async Task<List<JsonElement>> StagedAsync(HttpClient client, string runId)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/sync/staged?batch_id={Uri.EscapeDataString(runId)}&per_page=200", Key);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
    }

    internal static async Task<List<string>> SkusAsync(InventorySandbox sandbox)
    {
        var truth = (await sandbox.TruthAsync()).GetProperty("skus");
        return [.. truth.EnumerateObject()
            .Where(sku => s_inXorosoftAndStore.Contains(sku.Value.GetProperty("partition").GetString()))
            .Select(sku => sku.Name)
            .Order(StringComparer.Ordinal)];
    }

    internal static async Task<int> StoreQuantityAsync(InventorySandbox sandbox, string sku)
        => int.Parse(PushClient.StoreValue(await PushClient.StoreAsync(sandbox, sku), "inventory_quantity")!, CultureInfo.InvariantCulture);

    internal static async Task RecountAsync(InventorySandbox sandbox, string sku, int quantity)
    {
        using var http = new HttpClient();
        (await http.PostAsJsonAsync(new Uri(sandbox.Sandbox.ControlUrl, $"/xorosoft/items/{Uri.EscapeDataString(sku)}/stock"), new { quantity })).EnsureSuccessStatusCode();
    }
}

/// <summary>
/// The compare-and-set of a stock push on its own sandbox: a merchant's edit between staging and pushing keeps the
/// merchant's quantity, and the change is recorded as failed.
/// </summary>
public sealed class InventoryCompareAndSetTests(InventorySandbox sandbox) : IClassFixture<InventorySandbox>
{
    [Fact]
    public async Task Sync_MerchantEditsStockBeforeThePush_RefusedByCompareAndSetAndRecorded()
    {
        // Arrange: two products recounted and staged without pushing; the merchant then edits one's stock in the store.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await InventorySyncTests.StartAndWaitAsync(client, "/api/sync/shopify/pull", new { sync_type = "full" });
        var skus = (await InventorySyncTests.SkusAsync(sandbox)).Take(2).ToList();
        foreach (var sku in skus)
        {
            await InventorySyncTests.RecountAsync(sandbox, sku, await InventorySyncTests.StoreQuantityAsync(sandbox, sku) + 3);
        }

        var run = await InventorySyncTests.StartAndWaitAsync(client, "/api/xorosoft/sync/inventory", new { sync_mode = "specific", product_skus = skus, update_shopify = false });
        var merchant = await InventorySyncTests.StoreQuantityAsync(sandbox, skus[0]) + 11;
        await PushClient.MerchantEditAsync(sandbox, skus[0], new { inventoryQuantity = merchant });

        // Act
        var pushId = await PushClient.StartAsync(client, new { batch_id = run.GetProperty("run_id").GetString(), confirm = true });
        var push = await PushClient.WaitAsync(client, pushId);

        // Assert
        Assert.Equal(0, run.GetProperty("counters").GetProperty("pushed").GetInt32());
        Assert.Equal("completed_with_errors", push.GetProperty("status").GetString());
        var staged = (await InventorySyncTests.StagedAsync(client, run.GetProperty("run_id").GetString()!)).ToDictionary(change => change.GetProperty("sku").GetString()!, StringComparer.Ordinal);
        Assert.Equal("failed", staged[skus[0]].GetProperty("status").GetString());
        Assert.Equal(merchant, await InventorySyncTests.StoreQuantityAsync(sandbox, skus[0]));
        Assert.Equal("applied", staged[skus[1]].GetProperty("status").GetString());
    }
}

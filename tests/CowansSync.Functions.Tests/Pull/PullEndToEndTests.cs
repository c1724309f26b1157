using System.Globalization;
using System.Net;
using System.Text.Json;
using CowansSync.Functions.Tests.Import;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Push;

namespace CowansSync.Functions.Tests.Pull;

/// <summary>100 products in the flat layout, for pulls (each test resets the store first; the local catalog carries over).</summary>
public sealed class PullSandbox() : ImportSandbox("flat", 100);

/// <summary>
/// Shopify → local catalog on the sandbox (real Azurite, Shopify simulator), through the HTTP API: a full pull copies
/// the store with a version per product and repeats harmlessly; an incremental pull takes only what changed since the
/// mark; a merchant's edit under an open change is flagged as its conflict.
/// </summary>
public sealed class PullEndToEndTests(PullSandbox sandbox) : IClassFixture<PullSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;
    private static readonly string[] s_inStore = ["in_all", "shopify_only"];
    private static readonly string[] s_comparedFields = ["title", "description_html", "manufacturer", "price", "upc", "inventory_quantity"];

    [Fact]
    public async Task Pull_Full_EveryStoreProductIsLocalWithAVersionAndARepeatChangesNothing()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        var storeSkus = await StoreSkusAsync();

        // Act
        var first = await PullAsync(client, "/api/sync/shopify/pull", new { sync_type = "full" });
        var repeat = await PullAsync(client, "/api/sync/shopify/pull", new { sync_type = "full" });

        // Assert
        Assert.Equal(storeSkus.Count, Counter(first, "products_checked"));
        Assert.Equal(Counter(first, "new_products") + Counter(first, "updated_products"), Counter(first, "total_changes"));
        Assert.Equal(storeSkus.Count, Counter(repeat, "products_checked"));
        Assert.Equal(0, Counter(repeat, "total_changes"));
        var memberships = new List<(string Sku, string Handle)>();
        foreach (var storeSku in storeSkus)
        {
            var local = await GetAsync(client, $"/api/products/{Uri.EscapeDataString(storeSku)}");
            var store = await PushClient.StoreAsync(sandbox, storeSku);
            foreach (var field in s_comparedFields)
            {
                Assert.True(PushClient.StoreValue(store, field) == PushClient.StagedValue(local.GetProperty(field)), $"{storeSku} {field}");
            }

            memberships.AddRange(local.GetProperty("collections").EnumerateArray().Select(handle => (storeSku, handle.GetString()!)));
        }

        // Every membership is an association: the collections list them all.
        Assert.NotEmpty(memberships);
        Assert.Equal(memberships.Count, Counter(first, "associations"));
        var collections = (await GetAsync(client, "/api/collections?per_page=200")).GetProperty("items");
        Assert.Equal(memberships.Count, collections.EnumerateArray().Sum(collection => collection.GetProperty("product_count").GetInt32()));
        var (memberSku, handle) = memberships[0];
        var members = (await GetAsync(client, $"/api/collections/{Uri.EscapeDataString(handle)}/products?per_page=200")).GetProperty("items");
        Assert.Contains(memberSku, members.EnumerateArray().Select(product => product.GetProperty("sku").GetString()));

        var sku = storeSkus[0];
        var versions = (await GetAsync(client, $"/api/products/{Uri.EscapeDataString(sku)}/versions")).GetProperty("items");
        Assert.Equal("pull_from_shopify", versions[0].GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Pull_IncrementalAfterAMerchantEdit_TakesOnlyThatProductAndMovesTheMark()
    {
        // Arrange: a full pull sets the mark, then the merchant reprices one product.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        await PullAsync(client, "/api/sync/shopify/pull", new { sync_type = "full" });
        var sku = (await StoreSkusAsync())[1];
        await PushClient.MerchantEditAsync(sandbox, sku, new { price = "4.56" });

        // Act
        var before = (await PushClient.CountersAsync(sandbox)).GetProperty("requests").GetInt64();
        var incremental = await PullAsync(client, "/api/shopify/sync/down", new { sync_mode = "incremental" });
        var requests = (await PushClient.CountersAsync(sandbox)).GetProperty("requests").GetInt64() - before;
        var again = await PullAsync(client, "/api/sync/shopify/pull", new { });

        // Assert: one product read, one request for it; then nothing left to read.
        Assert.Equal(1, Counter(incremental, "products_checked"));
        Assert.Equal(1, Counter(incremental, "updated_products"));
        Assert.Equal(1, requests);
        Assert.Equal("4.56", Price(await GetAsync(client, $"/api/products/{Uri.EscapeDataString(sku)}")));
        Assert.Equal(0, Counter(again, "products_checked"));
    }

    [Fact]
    public async Task Pull_MerchantRepricedAProductWithAPendingPriceChange_FlagsTheConflictOnTheChange()
    {
        // Arrange: an import stages a price change; the merchant sets another price before anyone reviews it.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (_, staged) = await PushClient.ImportAsync(client, sandbox);
        var change = staged.First(c => c.GetProperty("status").GetString() == "pending"
            && c.GetProperty("change_type").GetString() == "update"
            && c.GetProperty("field_changes").TryGetProperty("price", out _));
        var sku = change.GetProperty("sku").GetString()!;
        await PushClient.MerchantEditAsync(sandbox, sku, new { price = "1.23" });
        var productId = change.GetProperty("current_data").GetProperty("shopify_product_id").GetString();

        // Act
        var pull = await PullAsync(client, "/api/shopify/sync/down", new { sync_mode = "selective", product_ids = new[] { productId } });

        // Assert
        Assert.Equal(1, Counter(pull, "products_checked"));
        Assert.True(Counter(pull, "conflicts") >= 1);
        var after = await PushClient.ChangeAsync(client, change.GetProperty("id").GetString()!);
        Assert.Equal("pending", after.GetProperty("status").GetString());
        Assert.True(after.GetProperty("has_conflicts").GetBoolean());
        Assert.Contains("price", after.GetProperty("conflict_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("1.23", Price(await GetAsync(client, $"/api/products/{Uri.EscapeDataString(sku)}")));

        // The pull's links lead to the conflict it flagged, not to a list of its own staged changes (it stages none).
        var links = pull.GetProperty("links");
        Assert.False(links.TryGetProperty("staged", out _));
        var conflicts = await GetAsync(client, $"{links.GetProperty("conflicts").GetString()}?sku={Uri.EscapeDataString(sku)}");
        Assert.NotEqual(0, conflicts.GetProperty("total_conflicts").GetInt32());
    }

    [Fact]
    public async Task Conflicts_AfterAPullFlaggedOne_ListedThenSettledWithACustomPriceThatThePushApplies()
    {
        // Arrange: a pending price change the merchant contradicted, flagged by a pull.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (_, staged) = await PushClient.ImportAsync(client, sandbox);
        var change = staged.First(c => c.GetProperty("status").GetString() == "pending"
            && c.GetProperty("change_type").GetString() == "update"
            && c.GetProperty("field_changes").EnumerateObject().Select(f => f.Name).SequenceEqual(["price"]));
        var (sku, changeId) = (change.GetProperty("sku").GetString()!, change.GetProperty("id").GetString()!);
        await PushClient.MerchantEditAsync(sandbox, sku, new { price = "1.23" });
        await PullAsync(client, "/api/shopify/sync/down", new { sync_mode = "selective", product_ids = new[] { change.GetProperty("current_data").GetProperty("shopify_product_id").GetString() } });

        // Act
        var listed = await GetAsync(client, $"/api/shopify/sync/conflicts?field=price&sku={Uri.EscapeDataString(sku)}");
        var conflict = Assert.Single(listed.GetProperty("conflicts").EnumerateArray());
        var conflictId = conflict.GetProperty("conflict_id").GetString()!;
        using var wrongType = await client.SendAsync(HttpMethod.Post, $"/api/shopify/sync/conflicts/{conflictId}/resolve", Key, new { resolution = "custom", custom_value = "cheap" });
        using var resolved = await client.SendAsync(HttpMethod.Post, $"/api/shopify/sync/conflicts/{conflictId}/resolve", Key, new { resolution = "custom", custom_value = 2.5m, notes = "agreed with the merchant" });
        using var again = await client.SendAsync(HttpMethod.Post, $"/api/shopify/sync/conflicts/{conflictId}/resolve", Key, new { resolution = "use_shopify" });
        var push = await PushClient.WaitAsync(client, await PushClient.StartAsync(client, new { change_ids = new[] { changeId }, confirm = true }));

        // Assert
        Assert.Equal("1.23", PushClient.StagedValue(conflict.GetProperty("shopify_value")));
        Assert.False(conflict.GetProperty("auto_resolvable").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.ReadJsonAsync()).GetProperty("details").TryGetProperty("custom_value", out _));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("approved", (await resolved.ReadJsonAsync()).GetProperty("changes")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("completed", push.GetProperty("status").GetString());
        Assert.Equal(2.5m, decimal.Parse(PushClient.StoreValue(await PushClient.StoreAsync(sandbox, sku), "price")!, CultureInfo.InvariantCulture));
        Assert.Empty((await GetAsync(client, $"/api/shopify/sync/conflicts?sku={Uri.EscapeDataString(sku)}")).GetProperty("conflicts").EnumerateArray());
    }

    [Fact]
    public async Task SyncDownAliases_StartStatusCancel_AnswerForThePullRun()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        await sandbox.ResetAsync();
        var productId = (await PushClient.StoreAsync(sandbox, (await StoreSkusAsync())[2])).GetProperty("admin_graphql_api_id").GetString();

        using var started = await client.SendAsync(HttpMethod.Post, "/api/shopify/sync-down/start", Key, new { sync_mode = "selective", product_ids = new[] { productId } });
        var runId = (await started.ReadJsonAsync()).GetProperty("batch_id").GetString()!;
        await PushClient.WaitAsync(client, runId);
        var status = await GetAsync(client, $"/api/shopify/sync-down/status/{runId}");
        using var cancel = await client.SendAsync(HttpMethod.Post, $"/api/shopify/sync-down/cancel/{runId}", Key);
        using var unknown = await client.SendAsync(HttpMethod.Get, "/api/shopify/sync-down/status/pull-nothing", Key);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal("shopify_pull", status.GetProperty("kind").GetString());
        Assert.Equal(1, Counter(status, "products_checked"));
        Assert.Equal(HttpStatusCode.Gone, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/api/sync/shopify/pull", """{"sync_type":"nope"}""", "sync_type")]
    [InlineData("/api/shopify/sync/down", """{"sync_mode":"selective"}""", "product_ids")]
    [InlineData("/api/shopify/sync/down", """{"sync_mode":"selective","product_ids":["1001"]}""", "product_ids[0]")]
    public async Task Pull_InvalidRequest_400NamesTheField(string route, string body, string field)
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, route, Key, JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
    }

    private static async Task<JsonElement> PullAsync(HttpClient client, string route, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, route, Key, body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = await response.ReadJsonAsync();
        Assert.Equal(started.GetProperty("batch_id").GetString(), started.GetProperty("run_id").GetString());
        var run = await PushClient.WaitAsync(client, started.GetProperty("run_id").GetString()!);
        Assert.Equal("completed", run.GetProperty("status").GetString());
        return run;
    }

    private static long Counter(JsonElement run, string name) => run.GetProperty("counters").GetProperty(name).GetInt64();

    private static string? Price(JsonElement product) => PushClient.StagedValue(product.GetProperty("price"));

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path, Key);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<List<string>> StoreSkusAsync()
    {
        var truth = (await sandbox.TruthAsync()).GetProperty("skus");
        return [.. truth.EnumerateObject()
            .Where(sku => s_inStore.Contains(sku.Value.GetProperty("partition").GetString()))
            .Select(sku => sku.Name)
            .Order(StringComparer.Ordinal)];
    }
}

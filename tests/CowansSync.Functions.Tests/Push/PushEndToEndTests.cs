using System.Text.Json;
using CowansSync.Functions.Shopify;
using CowansSync.Functions.Tests.Fakes;
using CowansSync.Functions.Tests.Import;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Push;

/// <summary>100 products in the flat layout, for pushes (each test resets the store first).</summary>
public sealed class PushSandbox() : ImportSandbox("flat", 100);

/// <summary>
/// Import → review → push on the sandbox (real Azurite, Shopify simulator), through the HTTP API: the store ends
/// holding exactly the approved changes; merchant edits in between become conflicts; faults change nothing.
/// </summary>
public sealed class PushEndToEndTests(PushSandbox sandbox) : IClassFixture<PushSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task Push_AfterApprovingSomeAndRejectingSome_StoreHoldsExactlyTheApproved()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (runId, staged) = await PushClient.ImportAsync(client, sandbox);
        var pending = staged.Where(c => Status(c) == "pending").ToList();
        Assert.True(pending.Count >= 4, $"only {pending.Count} pending");
        for (var i = 0; i < pending.Count; i++)
        {
            await PushClient.DecideAsync(client, Id(pending[i]), approve: i % 2 == 0);
        }

        // Act
        var pushId = await PushClient.StartAsync(client, new { batch_id = runId, confirm = true });
        var push = await PushClient.WaitAsync(client, pushId);

        // Assert
        var approved = staged.Count(c => Status(c) == "approved") + pending.Count(c => pending.IndexOf(c) % 2 == 0);
        Assert.Equal("completed", push.GetProperty("status").GetString());
        Assert.Equal(approved, push.GetProperty("progress").GetProperty("succeeded").GetInt32());
        foreach (var change in staged)
        {
            var after = await PushClient.ChangeAsync(client, Id(change));
            var store = await PushClient.StoreProductAsync(sandbox, Sku(change));
            var wasApplied = Status(after) == "applied";
            Assert.Equal(Status(change) == "approved" || (pending.Contains(change) && pending.IndexOf(change) % 2 == 0), wasApplied);
            if (change.GetProperty("change_type").GetString() == "create" && !wasApplied)
            {
                Assert.Null(store);
                continue;
            }

            Assert.NotNull(store);
            foreach (var field in change.GetProperty("field_changes").EnumerateObject())
            {
                if (PushClient.StoreValue(store.Value, field.Name) is { } actual)
                {
                    var expected = PushClient.StagedValue(field.Value.GetProperty(wasApplied ? "new" : "old"));
                    Assert.True(expected == actual, $"{Sku(change)} {field.Name}: store has {actual}, expected {expected} ({Status(after)})");
                }
            }
        }

        var applied = staged.First(c => c.GetProperty("change_type").GetString() == "update" && Status(c) == "approved");
        using var versions = await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(Sku(applied))}/versions", Key);
        // Other tests of this class push the same catalog: this push's version is the product's latest.
        var version = (await versions.ReadJsonAsync()).GetProperty("items")[0];
        Assert.Equal(Id(applied), version.GetProperty("change_id").GetString());
        Assert.Equal("etilize_import", version.GetProperty("direction").GetString());

        // The push run's links lead to the changes it pushed, which are the import's; a sync direction filters them.
        var links = push.GetProperty("links");
        Assert.Equal($"/api/sync/staged?batch_id={runId}", links.GetProperty("staged").GetString());
        Assert.Equal($"/api/runs/{runId}", links.GetProperty("source").GetString());
        using var byDirection = await client.SendAsync(HttpMethod.Get, $"{links.GetProperty("staged").GetString()}&source=etilize_import&per_page=200", Key);
        Assert.Equal(staged.Count, (await byDirection.ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Push_MerchantEditedBetweenStagingAndPush_RecordsConflictsAndKeepsTheMerchantsValues()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (_, staged) = await PushClient.ImportAsync(client, sandbox);
        var priced = WithOnly(staged, "price");
        var stocked = WithOnly(staged, "inventory_quantity");
        await Approve(client, priced, stocked);
        await PushClient.MerchantEditAsync(sandbox, Sku(priced), new { price = "1.23" });
        var stock = PushClient.StagedValue(stocked.GetProperty("field_changes").GetProperty("inventory_quantity").GetProperty("old"));
        await PushClient.MerchantEditAsync(sandbox, Sku(stocked), new { inventoryQuantity = int.Parse(stock!, System.Globalization.CultureInfo.InvariantCulture) + 7 });

        // Act
        var pushId = await PushClient.StartAsync(client, new { change_ids = new[] { Id(priced), Id(stocked) }, confirm = true });
        var push = await PushClient.WaitAsync(client, pushId);

        // Assert
        Assert.Equal("completed_with_errors", push.GetProperty("status").GetString());
        var pricedAfter = await PushClient.ChangeAsync(client, Id(priced));
        Assert.Equal("failed", Status(pricedAfter));
        Assert.True(pricedAfter.GetProperty("has_conflicts").GetBoolean());
        Assert.Equal(["price"], pricedAfter.GetProperty("conflict_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("1.23", PushClient.StoreValue(await PushClient.StoreAsync(sandbox, Sku(priced)), "price"));
        var stockedAfter = await PushClient.ChangeAsync(client, Id(stocked));
        Assert.Equal("failed", Status(stockedAfter));
        Assert.True(stockedAfter.GetProperty("has_conflicts").GetBoolean());
        Assert.Contains("CHANGE_FROM_QUANTITY_STALE", push.GetProperty("errors").ToString(), StringComparison.Ordinal);
        var stockNow = PushClient.StoreValue(await PushClient.StoreAsync(sandbox, Sku(stocked)), "inventory_quantity");
        Assert.Equal(int.Parse(stock!, System.Globalization.CultureInfo.InvariantCulture) + 7, int.Parse(stockNow!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Push_WithInjected5xxAndThrottling_AppliesEveryApprovedChangeOnce()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (runId, staged) = await PushClient.ImportAsync(client, sandbox);
        foreach (var change in staged.Where(c => Status(c) == "pending"))
        {
            await PushClient.DecideAsync(client, Id(change), approve: true);
        }

        await PushClient.SetFaultsAsync(sandbox, new { errorRate = 0.2, throttleRate = 0.2 });

        // Act
        var pushId = await PushClient.StartAsync(client, new { batch_id = runId, confirm = true });
        var push = await PushClient.WaitAsync(client, pushId);
        await PushClient.SetFaultsAsync(sandbox, new { errorRate = 0, throttleRate = 0 });

        // Assert
        Assert.Equal("completed", push.GetProperty("status").GetString());
        Assert.Equal(staged.Count, push.GetProperty("progress").GetProperty("succeeded").GetInt32());
        var counters = await PushClient.CountersAsync(sandbox);
        Assert.True(counters.GetProperty("errors_injected").GetInt32() > 0);
        Assert.True(counters.GetProperty("throttled").GetInt32() > 0);
        var keys = counters.GetProperty("idempotency_keys").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var change in staged.Where(c => c.GetProperty("field_changes").TryGetProperty("inventory_quantity", out _)))
        {
            var purpose = change.GetProperty("change_type").GetString() == "create" ? "create-stock" : "stock";
            Assert.Contains(ShopifyPushWrites.IdempotencyKey(Guid.ParseExact(Id(change), "N").ToString("D"), purpose), keys);
        }

        foreach (var change in staged)
        {
            var store = await PushClient.StoreAsync(sandbox, Sku(change));
            foreach (var field in change.GetProperty("field_changes").EnumerateObject())
            {
                if (PushClient.StoreValue(store, field.Name) is { } actual)
                {
                    Assert.Equal(PushClient.StagedValue(field.Value.GetProperty("new")), actual);
                }
            }
        }
    }

    [Fact]
    public async Task Push_EveryBatchWrittenTwice_AppliesEachChangeOnceWithOneVersion()
    {
        // Arrange: the import runs normally; the first version lands but fails its push activity, which then runs again.
        var hub = FunctionAppFactory.UniqueHubName();
        await using var importer = sandbox.CreateApp(settings: new Dictionary<string, string?> { ["Durable:HubName"] = hub });
        using var importClient = importer.CreateClient();
        var (runId, staged) = await PushClient.ImportAsync(importClient, sandbox);
        await importer.DisposeAsync();
        AcknowledgementLosingVersionStore? versions = null;
        await using var app = sandbox.CreateApp(
            services => services.Decorate<IProductVersionStore>(inner => versions = new AcknowledgementLosingVersionStore(inner)),
            new Dictionary<string, string?> { ["Push:ActivityRetryInterval"] = "00:00:00.5", ["Durable:HubName"] = hub });
        using var client = app.CreateClient();
        var approved = staged.Where(c => Status(c) == "approved").ToList();

        // Act
        var pushId = await PushClient.StartAsync(client, new { batch_id = runId, confirm = true });
        var push = await PushClient.WaitAsync(client, pushId);

        // Assert
        Assert.True(push.GetProperty("status").GetString() == "completed", push.ToString());
        var counters = push.GetProperty("counters");
        Assert.Equal(approved.Count, counters.GetProperty("total").GetInt32());
        Assert.Equal(approved.Count, counters.GetProperty("applied").GetInt32());
        foreach (var change in approved)
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(Sku(change))}/versions", Key);
            var history = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            Assert.Single(history, v => v.GetProperty("change_id").GetString() == Id(change));
        }

        Assert.True(versions!.Lost);
    }

    [Fact]
    public async Task Rollback_AppliedChange_RestoresTheStoreAndWritesAVersion_AndReportsAConflictOnceChangedAgain()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (_, staged) = await PushClient.ImportAsync(client, sandbox);
        var priced = WithOnly(staged, "price");
        var described = WithOnly(staged, "description_html");
        await Approve(client, priced, described);
        var pushId = await PushClient.StartAsync(client, new { change_ids = new[] { Id(priced), Id(described) }, confirm = true });
        Assert.Equal("completed", (await PushClient.WaitAsync(client, pushId)).GetProperty("status").GetString());
        await PushClient.MerchantEditAsync(sandbox, Sku(described), new { descriptionHtml = "<p>Rewritten by the merchant.</p>" });

        // Act
        var restored = await RollbackAsync(client, Id(priced));
        var refused = await RollbackAsync(client, Id(described));

        // Assert
        Assert.Equal("completed", restored.GetProperty("status").GetString());
        var oldPrice = PushClient.StagedValue(priced.GetProperty("field_changes").GetProperty("price").GetProperty("old"));
        Assert.Equal(oldPrice, PushClient.StoreValue(await PushClient.StoreAsync(sandbox, Sku(priced)), "price"));
        Assert.Equal("rolled_back", Status(await PushClient.ChangeAsync(client, Id(priced))));
        using var versions = await client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(Sku(priced))}/versions", Key);
        var items = (await versions.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items[1].GetProperty("version").GetInt32() + 1, items[0].GetProperty("version").GetInt32());
        Assert.Equal("rollback", items[0].GetProperty("direction").GetString());
        Assert.Equal(Id(priced), items[1].GetProperty("change_id").GetString());

        Assert.Equal("completed_with_errors", refused.GetProperty("status").GetString());
        Assert.Contains("description_html", refused.GetProperty("errors").ToString(), StringComparison.Ordinal);
        Assert.Equal("applied", Status(await PushClient.ChangeAsync(client, Id(described))));
        Assert.Equal("<p>Rewritten by the merchant.</p>", PushClient.StoreValue(await PushClient.StoreAsync(sandbox, Sku(described)), "description_html"));

        using var again = await client.SendAsync(HttpMethod.Post, $"/api/sync/rollback/{Id(priced)}", Key, new { reason = "twice" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task ApprovalEvent_OnAnImportAwaitingApproval_PushesItAndCompletesTheImport()
    {
        // Arrange
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var (runId, staged) = await PushClient.ImportAsync(client, sandbox);
        foreach (var change in staged.Where(c => Status(c) == "pending"))
        {
            await PushClient.DecideAsync(client, Id(change), approve: true);
        }

        // Act
        using var raised = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/events/approval", Key, new { event_id = "reviewed-1" });
        using var repeated = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/events/approval", Key, new { event_id = "reviewed-1" });
        var push = await PushClient.WaitAsync(client, $"push-{runId}-reviewed-1");

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.Accepted, raised.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, repeated.StatusCode);
        Assert.Equal("completed", push.GetProperty("status").GetString());
        Assert.Equal(staged.Count, push.GetProperty("progress").GetProperty("succeeded").GetInt32());
        // The push completes the import in the same step, just after itself.
        Assert.Equal("completed", (await PushClient.WaitAsync(client, runId, TimeSpan.FromSeconds(30))).GetProperty("status").GetString());
        using var runs = await client.SendAsync(HttpMethod.Get, "/api/runs?kind=shopify_push&per_page=200", Key);
        Assert.Single((await runs.ReadJsonAsync()).GetProperty("items").EnumerateArray(), r => r.GetProperty("run_id").GetString()!.StartsWith($"push-{runId}", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> RollbackAsync(HttpClient client, string changeId)
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/sync/rollback/{changeId}", Key, new { reason = "restore the previous value" });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await PushClient.WaitAsync(client, (await response.ReadJsonAsync()).GetProperty("run_id").GetString()!);
    }

    private static async Task Approve(HttpClient client, params JsonElement[] changes)
    {
        foreach (var change in changes.Where(c => Status(c) == "pending"))
        {
            await PushClient.DecideAsync(client, Id(change), approve: true);
        }
    }

    // An update changing just this field, so a merchant edit of it is the only thing in the way.
    private static JsonElement WithOnly(List<JsonElement> staged, string field)
        => staged.First(c => c.GetProperty("change_type").GetString() == "update"
            && c.GetProperty("field_changes").EnumerateObject().Select(f => f.Name).SequenceEqual([field]));

    private static string Id(JsonElement change) => change.GetProperty("change_id").GetString()!;

    private static string Sku(JsonElement change) => change.GetProperty("sku").GetString()!;

    private static string Status(JsonElement change) => change.GetProperty("status").GetString()!;
}

using System.Net;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Products;
using CowansSync.Functions.Tests.Push;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Pull;

/// <summary>
/// The conflicts API over real staged changes (Azurite): conflicts a push left on changes are listed with the rules'
/// suggestion, and one resolution with <c>apply_to_similar</c> settles every conflict with the same field and values.
/// </summary>
public sealed class ConflictsApiTests(PushSandbox sandbox) : IClassFixture<PushSandbox>
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task Resolve_UseLocalWithApplyToSimilar_SettlesTheSiblingsAndApprovesThemAgain()
    {
        // Arrange: three changes a push failed on, two with the same price conflict (12 proposed, Shopify 11), one another.
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<StagedChangeStore>();
        var runId = $"test-{Guid.NewGuid():N}";
        var first = Conflicted(runId, shopifyPrice: 11m);
        var sibling = Conflicted(runId, shopifyPrice: 11m);
        var other = Conflicted(runId, shopifyPrice: 10.50m);
        await store.StageAsync([first, sibling, other], CancellationToken.None);

        // Act
        using var listed = await client.SendAsync(HttpMethod.Get, $"/api/shopify/sync/conflicts?sku={Uri.EscapeDataString(first.Sku.Original)}", Key);
        var conflictId = (await listed.ReadJsonAsync()).GetProperty("conflicts")[0].GetProperty("conflict_id").GetString()!;
        using var resolved = await client.SendAsync(HttpMethod.Post, $"/api/shopify/sync/conflicts/{conflictId}/resolve", Key, new { resolution = "use_local", apply_to_similar = true });

        // Assert
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal(2, (await resolved.ReadJsonAsync()).GetProperty("resolved").GetInt32());
        foreach (var settled in new[] { first, sibling })
        {
            var after = await PushClient.ChangeAsync(client, settled.ChangeId);
            Assert.Equal("approved", after.GetProperty("status").GetString());
            Assert.False(after.GetProperty("has_conflicts").GetBoolean());
            Assert.Equal("11", PushClient.StagedValue(after.GetProperty("field_changes").GetProperty("price").GetProperty("old")));
        }

        var untouched = await PushClient.ChangeAsync(client, other.ChangeId);
        Assert.Equal("failed", untouched.GetProperty("status").GetString());
        Assert.True(untouched.GetProperty("has_conflicts").GetBoolean());
    }

    [Fact]
    public async Task List_FilteredByAutoResolvable_ShowsTheRulesSuggestion()
    {
        await using var app = sandbox.CreateApp();
        using var client = app.CreateClient();
        // 12 proposed against Shopify's 11.90: under 5 %, so the rules keep Shopify's price.
        var change = Conflicted($"test-{Guid.NewGuid():N}", shopifyPrice: 11.90m);
        await app.Services.GetRequiredService<StagedChangeStore>().StageAsync([change], CancellationToken.None);

        using var auto = await client.SendAsync(HttpMethod.Get, $"/api/shopify/sync/conflicts?auto_resolvable=true&sku={Uri.EscapeDataString(change.Sku.Original)}", Key);
        using var manual = await client.SendAsync(HttpMethod.Get, $"/api/shopify/sync/conflicts?auto_resolvable=false&sku={Uri.EscapeDataString(change.Sku.Original)}", Key);
        using var bad = await client.SendAsync(HttpMethod.Get, "/api/shopify/sync/conflicts?auto_resolvable=maybe&field=colour", Key);

        var item = Assert.Single((await auto.ReadJsonAsync()).GetProperty("conflicts").EnumerateArray());
        Assert.Equal("use_shopify", item.GetProperty("suggested_resolution").GetString());
        Assert.Equal(0, (await manual.ReadJsonAsync()).GetProperty("total_conflicts").GetInt32());
        var details = (await bad.ReadJsonAsync()).GetProperty("details");
        Assert.True(details.TryGetProperty("auto_resolvable", out _) && details.TryGetProperty("field", out _));
    }

    private static StagedChange Conflicted(string runId, decimal shopifyPrice)
    {
        var sku = TestProducts.NewSku("cf");
        var current = TestProducts.Product(sku, price: 10m);
        var proposed = current with { Price = 12m };
        var conflicts = new ConflictDetector(new ConflictAutoResolver()).Detect(current, proposed, current with { Price = shopifyPrice }, [ProductFields.Price]);
        var change = StagedChange.Stage(runId, ProductDiff.Between(current, proposed, ChangeDirection.EtilizeImport), TestProducts.Start);
        return change with { Status = ChangeStatus.Failed, Conflicts = conflicts, LastError = "Shopify changed the price since staging." };
    }
}

using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Staging;

/// <summary><c>/api/sync/staged</c> end to end on the app and Azurite; each test stages into its own run.</summary>
public sealed class StagedChangesApiTests : IAsyncLifetime
{
    private const string Admin = FunctionAppFactory.BootstrapKey;
    private FunctionAppFactory App { get; set; } = null!;
    private HttpClient _client = null!;
    private StagedChangeStore _store = null!;

    public async Task InitializeAsync()
    {
        var appRoot = TestAppRoot.Create();
        App = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        _client = App.CreateClient();
        _store = App.Services.GetRequiredService<StagedChangeStore>();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task ListChanges_EachFilter_ReturnsOnlyMatches()
    {
        // Arrange
        var runId = TestChanges.NewRunId();
        var sku = TestChanges.NewSku();
        var update = TestChanges.Update(runId, "A-1", 1);
        var create = TestChanges.Create(runId, "A-2", 2);
        var delete = TestChanges.Delete(runId, "A-3", 3);
        var conflicted = TestChanges.Update(runId, sku, 4, ChangeDirection.PullFromShopify).WithConflict();
        await _store.StageAsync([update, create, delete, conflicted], CancellationToken.None);
        await _store.TryTransitionAsync(delete.ChangeId, c => c.Reject(new ReviewInfo("bob", TestChanges.StagedAt, "no")), CancellationToken.None);
        await _store.StageAsync([TestChanges.Update(TestChanges.NewRunId(), "A-1")], CancellationToken.None);

        // Act
        var all = await ListIdsAsync($"batch_id={runId}");
        var pending = await ListIdsAsync($"batch_id={runId}&status=pending");
        var rejected = await ListIdsAsync($"batch_id={runId}&status=rejected");
        var creates = await ListIdsAsync($"batch_id={runId}&change_type=create");
        var withConflicts = await ListIdsAsync($"batch_id={runId}&has_conflicts=true");
        var withoutConflicts = await ListIdsAsync($"batch_id={runId}&has_conflicts=false");
        var fromEtilize = await ListIdsAsync($"batch_id={runId}&source=etilize");
        var fromShopify = await ListIdsAsync($"batch_id={runId}&source=shopify");
        var fromXorosoft = await ListIdsAsync($"batch_id={runId}&source=xorosoft");
        var manual = await ListIdsAsync($"batch_id={runId}&source=manual");
        var bySkuAnyRun = await ListIdsAsync($"sku={Uri.EscapeDataString("  " + sku.ToUpperInvariant() + " ")}");

        // Assert: newest first.
        Assert.Equal([conflicted.ChangeId, delete.ChangeId, create.ChangeId, update.ChangeId], all);
        Assert.Equal([conflicted.ChangeId, create.ChangeId, update.ChangeId], pending);
        Assert.Equal([delete.ChangeId], rejected);
        Assert.Equal([create.ChangeId], creates);
        Assert.Equal([conflicted.ChangeId], withConflicts);
        Assert.Equal([delete.ChangeId, create.ChangeId, update.ChangeId], withoutConflicts);
        Assert.Equal([create.ChangeId], fromEtilize);
        Assert.Equal([conflicted.ChangeId], fromShopify);
        Assert.Equal([update.ChangeId], fromXorosoft);
        Assert.Equal([delete.ChangeId], manual);
        Assert.Equal([conflicted.ChangeId], bySkuAnyRun);
    }

    [Fact]
    public async Task ListChanges_Paging_ReturnsRequestedSliceWithTotals()
    {
        var runId = TestChanges.NewRunId();
        var changes = Enumerable.Range(0, 7).Select(i => TestChanges.Update(runId, $"P-{i}", i)).ToList();
        await _store.StageAsync(changes, CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/sync/staged?batch_id={runId}&page=2&per_page=3", Admin);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(7, body.GetProperty("total").GetInt32());
        Assert.Equal(3, body.GetProperty("total_pages").GetInt32());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
        Assert.Equal(3, body.GetProperty("per_page").GetInt32());
        Assert.Equal([changes[3].ChangeId, changes[2].ChangeId, changes[1].ChangeId],
            body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("change_id").GetString()));
    }

    [Fact]
    public async Task GetChange_Known_ReturnsItemShape()
    {
        var change = TestChanges.Update(TestChanges.NewRunId(), "Shape-1").WithConflict();
        await _store.StageAsync([change], CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/sync/staged/{change.ChangeId}", Admin);
        var item = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(change.ChangeId, item.GetProperty("id").GetString());
        Assert.Equal("SHAPE-1", item.GetProperty("product_id").GetString());
        Assert.Equal("Shape-1", item.GetProperty("sku").GetString());
        Assert.Equal("gid://shopify/Product/1", item.GetProperty("shopify_product_id").GetString());
        Assert.Equal("update", item.GetProperty("change_type").GetString());
        Assert.Equal("xorosoft_inventory", item.GetProperty("sync_direction").GetString());
        Assert.Equal("pending", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("has_conflicts").GetBoolean());
        Assert.Equal(["title"], item.GetProperty("conflict_fields").EnumerateArray().Select(f => f.GetString()));
        var price = item.GetProperty("field_changes").GetProperty("price");
        Assert.Equal(10m, price.GetProperty("old").GetDecimal());
        Assert.Equal(12m, price.GetProperty("new").GetDecimal());
        Assert.Equal(20m, price.GetProperty("change_percent").GetDecimal());
        Assert.Equal(12m, item.GetProperty("proposed_data").GetProperty("price").GetDecimal());
        Assert.Equal(10m, item.GetProperty("current_data").GetProperty("price").GetDecimal());
        Assert.False(item.GetProperty("auto_approved").GetBoolean());
        Assert.Equal(3, item.GetProperty("priority").GetInt32());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("reviewed_by").ValueKind);
        Assert.Equal("Widget", item.GetProperty("product").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("nope")]
    public async Task GetChange_Unknown_Returns404(string changeId)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/sync/staged/{changeId}", Admin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(changeId, (await response.ReadJsonAsync()).GetProperty("details").GetProperty("change_id").GetString());
    }

    [Theory]
    [InlineData("status=done", "status", "pending, approved, rejected, applying, applied, failed, rolled_back")]
    [InlineData("change_type=upsert", "change_type", "create, update, delete")]
    [InlineData("has_conflicts=yes", "has_conflicts", "true, false")]
    [InlineData("source=ftp", "source", "etilize, shopify, xorosoft, manual")]
    [InlineData("sku=%20", "sku", "SKU")]
    [InlineData("per_page=201", "per_page", "200")]
    public async Task ListChanges_BadFilter_Returns400NamingFieldAndAllowedValues(string query, string field, string allowed)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/sync/staged?{query}", Admin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(allowed, (await response.ReadJsonAsync()).GetProperty("details").GetProperty(field).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveChange_Pending_Returns200ThenAgain409AndAudits()
    {
        var change = TestChanges.Update(TestChanges.NewRunId(), "AP-1");
        await _store.StageAsync([change], CancellationToken.None);

        using var first = await _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{change.ChangeId}/approve", Admin, new { notes = "fine" });
        using var second = await _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{change.ChangeId}/approve", Admin, new { notes = "again" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.ReadJsonAsync()).GetProperty("success").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = await second.ReadJsonAsync();
        Assert.Equal("Only pending changes can be approved; this change is approved.", conflict.GetProperty("error").GetString());
        Assert.Equal("approved", conflict.GetProperty("details").GetProperty("status").GetString());
        var stored = await _store.GetAsync(change.ChangeId, CancellationToken.None);
        Assert.Equal(("bootstrap-admin", "fine"), (stored!.Review!.Reviewer, stored.Review.Notes));
        var audit = await ReadAuditAsync(change.ChangeId);
        Assert.Equal("staged_change.approved", Assert.Single(audit).GetString("Action"));
    }

    [Fact]
    public async Task ApproveAndReject_TenConcurrentRequests_ExactlyOneWins()
    {
        // Arrange
        var change = TestChanges.Update(TestChanges.NewRunId(), "RACE-1");
        await _store.StageAsync([change], CancellationToken.None);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
            ? _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{change.ChangeId}/approve", Admin, new { notes = $"n{i}" })
            : _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{change.ChangeId}/reject", Admin, new { reason = $"r{i}" })));

        // Assert
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Array.ForEach(responses, r => r.Dispose());
        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.Conflict));
        var stored = await _store.GetAsync(change.ChangeId, CancellationToken.None);
        Assert.Contains(stored!.Status, new[] { ChangeStatus.Approved, ChangeStatus.Rejected });
        Assert.Single(await ReadAuditAsync(change.ChangeId));
    }

    [Theory]
    [InlineData("approve", "notes", 2001)]
    [InlineData("reject", "reason", 2001)]
    [InlineData("reject", "reason", 0)]
    public async Task Decide_BadNote_Returns400NamingField(string action, string field, int length)
    {
        var change = TestChanges.Update(TestChanges.NewRunId(), "NOTE-1");
        await _store.StageAsync([change], CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{change.ChangeId}/{action}", Admin,
            new Dictionary<string, string> { [field] = new('x', length) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
        Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(change.ChangeId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ApproveChange_Unknown_Returns404()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/0123456789abcdef0123456789abcdef/approve", Admin, new { notes = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApproveChange_Viewer_Returns403AndLeavesPending()
    {
        var change = TestChanges.Update(TestChanges.NewRunId(), "VIEW-1");
        await _store.StageAsync([change], CancellationToken.None);
        var (_, viewer) = await _client.CreateKeyAsync("viewer", Roles.Viewer);

        using var listed = await _client.SendAsync(HttpMethod.Get, $"/api/sync/staged/{change.ChangeId}", viewer);
        using var approved = await _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{change.ChangeId}/approve", viewer, new { notes = "x" });
        using var bulk = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-approve", viewer, new { change_ids = new[] { change.ChangeId } });

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bulk.StatusCode);
        Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(change.ChangeId, CancellationToken.None))!.Status);
    }

    private async Task<List<string?>> ListIdsAsync(string query)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/sync/staged?{query}", Admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("change_id").GetString())];
    }

    internal static async Task<List<TableEntity>> ReadAuditAsync(string target)
    {
        var table = StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString).GetTableClient(AuditLog.TableName);
        var entries = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Target eq {target}")))
        {
            entries.Add(entity);
        }

        return entries;
    }
}

using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Staging;

/// <summary>
/// The rule store and <c>/api/sync/rules</c>. All in one class because the rules table is global: xUnit runs a class's
/// tests one at a time, and each test starts from a freshly seeded table.
/// </summary>
public sealed class ApprovalRulesApiTests : IAsyncLifetime
{
    private const string Admin = FunctionAppFactory.BootstrapKey;
    private static readonly string[] PriceField = ["price"];
    private FunctionAppFactory App { get; set; } = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await ResetTableAsync();
        var appRoot = TestAppRoot.Create();
        App = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        _client = App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task ListAsync_TenConcurrentFirstUses_SeedDefaultsOnce()
    {
        var connection = (await AzuriteServer.Shared).ConnectionString;
        var stores = Enumerable.Range(0, 10)
            .Select(_ => new ApprovalRuleStore(StorageClients.FromConnectionString(connection)))
            .ToList();

        var lists = await Task.WhenAll(stores.Select(store => store.ListAsync(CancellationToken.None)));

        var expected = DefaultApprovalRules.Create().OrderBy(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal).Select(Json).ToList();
        Assert.All(lists, list => Assert.Equal(expected, list.Select(Json)));
        Assert.Equal(6, await CountRowsAsync());
    }

    [Fact]
    public async Task DeleteRule_Default_StaysDeletedForNewStore()
    {
        using var deleted = await _client.SendAsync(HttpMethod.Delete, "/api/sync/rules/default-new-products", Admin);
        using var again = await _client.SendAsync(HttpMethod.Delete, "/api/sync/rules/default-new-products", Admin);
        var fresh = new ApprovalRuleStore(StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString));

        var rules = await fresh.ListAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(4, rules.Count);
        Assert.DoesNotContain(rules, r => r.Id == "default-new-products");
        Assert.Single(await StagedChangesApiTests.ReadAuditAsync("default-new-products"), e => e.GetString("Action") == "approval_rule.deleted");
    }

    [Fact]
    public async Task AddRule_WithoutId_Returns201WithGeneratedIdThenListedByPriority()
    {
        using var added = await _client.SendAsync(HttpMethod.Post, "/api/sync/rules", Admin,
            new { rule_name = "High value", field_patterns = PriceField, value_thresholds = new { min_price = 100 }, priority = 1 });
        var rule = await added.ReadJsonAsync();
        using var listed = await _client.SendAsync(HttpMethod.Get, "/api/sync/rules", Admin);
        var list = await listed.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = rule.GetProperty("id").GetString()!;
        Assert.StartsWith("rule-", id, StringComparison.Ordinal);
        Assert.Equal(6, list.GetProperty("total").GetInt32());
        Assert.Equal(
            ["default-critical-price-change", "default-inventory-reduction", id, "default-new-products", "default-etilize-match-confidence", "default-minor-updates"],
            list.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AddRule_ExistingId_Returns409()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/rules", Admin, new { id = "default-new-products", rule_name = "Dup" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"rule_name\": \"\", \"priority\": 9}", "rule_name")]
    [InlineData("{\"rule_name\": \"x\", \"priority\": 9}", "priority")]
    [InlineData("{\"rule_name\": \"x\", \"change_type\": \"merge\"}", "change_type")]
    [InlineData("{\"rule_name\": \"x\", \"field_patterns\": [\"colour\"]}", "field_patterns[0]")]
    [InlineData("{\"rule_name\": \"x\", \"id\": \"a/b\"}", "id")]
    [InlineData("{\"rule_name\": \"x\", \"priorty\": 1}", "priorty")]
    [InlineData("{\"rule_name\": \"x\", \"priority\": \"high\"}", "priority")]
    public async Task AddRule_Invalid_Returns400NamingField(string json, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync/rules") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", Admin);

        using var response = await _client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("details").TryGetProperty(field, out _), text);
        Assert.DoesNotContain("CowansSync", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceRules_Valid_ReplacesAllAndAudits()
    {
        using var response = await _client.SendAsync(HttpMethod.Put, "/api/sync/rules", Admin,
            new { rules = new object[] { new { id = "only-one", rule_name = "Everything", priority = 2 }, new { rule_name = "Second", priority = 4, is_active = false } } });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rules = body.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(2, rules.Count);
        Assert.Equal("only-one", rules[0].GetProperty("id").GetString());
        Assert.False(rules[1].GetProperty("is_active").GetBoolean());
        Assert.Equal(3, await CountRowsAsync());
        Assert.NotEmpty(await StagedChangesApiTests.ReadAuditAsync("all"));
    }

    [Fact]
    public async Task ReplaceRules_InvalidRuleOrDuplicateId_Returns400NamingIndexedFieldAndKeepsRules()
    {
        using var seeded = await _client.SendAsync(HttpMethod.Get, "/api/sync/rules", Admin);
        using var response = await _client.SendAsync(HttpMethod.Put, "/api/sync/rules", Admin,
            new { rules = new object[] { new { id = "a", rule_name = "A" }, new { id = "a", rule_name = "B", priority = 0 } } });
        var details = (await response.ReadJsonAsync()).GetProperty("details");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(details.TryGetProperty("rules[1].id", out _));
        Assert.True(details.TryGetProperty("rules[1].priority", out _));
        Assert.Equal(6, await CountRowsAsync());
    }

    [Fact]
    public async Task RuleMutations_Approver_Returns403ButViewerCanList()
    {
        var (_, approver) = await _client.CreateKeyAsync("approver", Roles.Approver);
        var (_, viewer) = await _client.CreateKeyAsync("viewer", Roles.Viewer);

        using var listed = await _client.SendAsync(HttpMethod.Get, "/api/sync/rules", viewer);
        using var added = await _client.SendAsync(HttpMethod.Post, "/api/sync/rules", approver, new { rule_name = "x" });
        using var deleted = await _client.SendAsync(HttpMethod.Delete, "/api/sync/rules/default-new-products", approver);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
    }

    private static string Json(ApprovalRule rule) => JsonSerializer.Serialize(rule, DomainJson.Options);

    private static async Task<TableClient> TableAsync() =>
        StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString).GetTableClient(ApprovalRuleStore.TableName);

    // Empties the table instead of deleting it, so no client that cached its creation meets a missing table.
    private static async Task ResetTableAsync()
    {
        var table = await TableAsync();
        await table.CreateIfNotExistsAsync();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All);
        }
    }

    private static async Task<int> CountRowsAsync()
    {
        var count = 0;
        await foreach (var unused in (await TableAsync()).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}

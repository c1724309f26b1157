using System.Net;
using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;
using static CowansSync.Functions.Tests.Apis.SyncMonitoringFixture;

namespace CowansSync.Functions.Tests.Apis;

/// <summary>
/// <c>/api/sync/batches</c>, <c>/metrics</c>, <c>/recent-activity</c> and <c>/jobs/active</c> on the seeded fixture (real
/// task-hub runs), read with a viewer key.
/// </summary>
public sealed class SyncMonitoringApiTests(SyncMonitoringFixture fixture) : IClassFixture<SyncMonitoringFixture>
{
    private static readonly string[] ItemCounts = ["total_items", "processed_items", "successful_items", "failed_items", "skipped_items"];
    private static readonly string[] ActiveRuns = ["pending", "push", "schedule"];

    [Theory]
    [InlineData("", new[] { "pending", "push", "import", "pull", "cancelled" })]
    [InlineData("?direction=push_to_shopify", new[] { "push" })]
    [InlineData("?direction=etilize_import", new[] { "pending", "import" })]
    [InlineData("?direction=pull_from_shopify", new[] { "pull" })]
    [InlineData("?direction=xorosoft_inventory&status=cancelled", new[] { "cancelled" })]
    [InlineData("?status=completed", new[] { "import" })]
    [InlineData("?status=pending", new[] { "pending" })]
    [InlineData("?direction=pull_from_shopify&status=running", new string[0])]
    [InlineData("?per_page=2&page=2", new[] { "import", "pull" })]
    public async Task ListBatches_Filters_ReturnSyncRunsNewestFirst(string query, string[] expected)
    {
        // Act
        var body = await GetOkAsync($"/api/sync/batches{query}");

        // Assert: the schedule run has no direction, so it is no batch; a run's direction follows the kind its state
        // shows, not its orchestrator (the pull, the inventory sync and the schedule are all ImportCatalog instances).
        var ids = body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("batch_id").GetString());
        Assert.Equal(expected.Select(RunIdOf), ids);
        Assert.True(body.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task ListBatches_Paged_ReportsTotals()
    {
        // Act
        var body = await GetOkAsync("/api/sync/batches?per_page=2&page=2");

        // Assert
        Assert.Equal(5, body.GetProperty("total").GetInt32());
        Assert.Equal(2, body.GetProperty("page").GetInt32());
        Assert.Equal(2, body.GetProperty("per_page").GetInt32());
        Assert.Equal(3, body.GetProperty("total_pages").GetInt32());
    }

    [Fact]
    public async Task ListBatches_CompletedImport_MapsEverySeedField()
    {
        // Arrange
        var instance = fixture.Instances[ImportCompleted];

        // Act
        var item = (await GetOkAsync("/api/sync/batches?status=completed")).GetProperty("items")[0];

        // Assert: an import's input names no batch (only a push's does).
        Assert.Equal(ImportCompleted, item.GetProperty("batch_id").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("batch_name").ValueKind);
        Assert.Equal("etilize_import", item.GetProperty("direction").GetString());
        Assert.Equal("etilize_import", item.GetProperty("sync_direction").GetString());
        Assert.Equal("completed", item.GetProperty("status").GetString());
        Assert.Equal([1200, 1200, 1100, 60, 40], ItemCounts.Select(name => item.GetProperty(name).GetInt64()));
        // 1200 items from the instance's creation to its completion (real times, so a high rate).
        Assert.Equal(ItemsPerSecond(1200, instance.CreatedAt, instance.LastUpdatedAt), item.GetProperty("processing_rate").GetDecimal());
        Assert.Equal(0, item.GetProperty("api_calls_made").GetInt64());
        Assert.Equal("row 7: price is not a number", item.GetProperty("error_summary").GetProperty("errors")[0].GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("error_summary").GetProperty("last_error").ValueKind);
        Assert.Equal("timer", item.GetProperty("created_by").GetString());
        Assert.Equal(instance.CreatedAt, item.GetProperty("started_at").GetDateTimeOffset());
        Assert.Equal(instance.LastUpdatedAt, item.GetProperty("completed_at").GetDateTimeOffset());
        Assert.Equal($"/api/runs/{ImportCompleted}", item.GetProperty("status_url").GetString());
    }

    [Fact]
    public async Task ListBatches_RunningPush_ShowsNameApiUsageRateAndNoErrors()
    {
        // Arrange
        var instance = fixture.Instances[PushRunning];

        // Act
        var item = (await GetOkAsync("/api/sync/batches?direction=push_to_shopify")).GetProperty("items")[0];

        // Assert: the batch name comes from the push's input; sync_type has no source in these runs' inputs.
        Assert.Equal(PushRunning, item.GetProperty("batch_id").GetString());
        Assert.Equal("Push approved", item.GetProperty("batch_name").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("sync_type").ValueKind);
        Assert.Equal("push_to_shopify", item.GetProperty("sync_direction").GetString());
        Assert.Equal("running", item.GetProperty("status").GetString());
        Assert.Equal("alice", item.GetProperty("created_by").GetString());
        Assert.Equal(12, item.GetProperty("api_calls_made").GetInt64());
        Assert.Equal(340, item.GetProperty("api_quota_used").GetInt64());
        // 100 items from the instance's creation to its last update.
        Assert.Equal(ItemsPerSecond(100, instance.CreatedAt, instance.LastUpdatedAt), item.GetProperty("processing_rate").GetDecimal());
        Assert.Equal(instance.LastUpdatedAt, item.GetProperty("updated_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("error_summary").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("completed_at").ValueKind);
    }

    [Theory]
    [InlineData("?direction=manual", "direction")]
    [InlineData("?direction=up", "direction")]
    [InlineData("?status=done", "status")]
    [InlineData("?per_page=201", "per_page")]
    [InlineData("?page=0", "page")]
    public async Task ListBatches_BadParameter_Returns400NamingIt(string query, string field)
    {
        // Act
        using var response = await fixture.Client.SendAsync(HttpMethod.Get, $"/api/sync/batches{query}", fixture.ViewerKey);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task GetMetrics_SeededStore_ReturnsExactFigures()
    {
        // Arrange
        var before = TimeProvider.System.GetUtcNow();

        // Act
        var body = await GetOkAsync("/api/sync/metrics");

        // Assert
        var after = TimeProvider.System.GetUtcNow();
        Assert.Equal(6, body.GetProperty("total_operations").GetInt32());
        Assert.Equal(1, body.GetProperty("completed_operations").GetInt32());
        Assert.Equal(1, body.GetProperty("failed_operations").GetInt32());
        // Every run was seeded within the hour, so all their processed items count: 1200 of the import, 100 of the push,
        // 600 of the pull and 20 of the cancelled run (a run straddling the hour's start is SyncMetricsTests' case).
        Assert.Equal(Math.Round(1920m / 3600m, 2), body.GetProperty("operations_per_second").GetDecimal());
        Assert.Equal(3, body.GetProperty("queue_depth").GetInt64());
        Assert.Equal(2, body.GetProperty("poison_depth").GetInt64());
        Assert.Equal(3, body.GetProperty("active_runs").GetInt32());
        var staged = body.GetProperty("staged").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int>
        {
            ["pending"] = 3, ["approved"] = 1, ["rejected"] = 0, ["applying"] = 0, ["applied"] = 2, ["failed"] = 0, ["rolled_back"] = 1,
        }, staged);
        Assert.InRange(body.GetProperty("last_updated").GetDateTimeOffset(), before, after);
    }

    [Fact]
    public async Task GetRecentActivity_DefaultLimit_ReturnsEveryEntryNewestFirstAcrossMonths()
    {
        // Act
        var items = (await GetOkAsync("/api/sync/recent-activity")).GetProperty("items").EnumerateArray().ToList();

        // Assert: on the audit log's clock, the key was created in November, the rest in December.
        Assert.Equal(["staged_change.rejected", "run.cancelled", "staged_change.approved", "api_key.created"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal(["chg-2", "run-x", "chg-1", fixture.ViewerKeyId], items.Select(i => i.GetProperty("target").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 2, 0, TimeSpan.Zero), items[0].GetProperty("at").GetDateTimeOffset());
        Assert.Equal("alice", items[0].GetProperty("actor_name").GetString());
        Assert.Equal("key-alice", items[0].GetProperty("actor_id").GetString());
        Assert.Equal("price wrong", items[0].GetProperty("notes").GetString());
        Assert.Equal("bootstrap", items[3].GetProperty("actor_id").GetString());
    }

    [Fact]
    public async Task GetRecentActivity_Limit_ReturnsOnlyTheNewest()
    {
        // Act
        var items = (await GetOkAsync("/api/sync/recent-activity?limit=2")).GetProperty("items").EnumerateArray();

        // Assert
        Assert.Equal(["chg-2", "run-x"], items.Select(i => i.GetProperty("target").GetString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("ten")]
    [InlineData("-1")]
    public async Task GetRecentActivity_BadLimit_Returns400NamingIt(string limit)
    {
        // Act
        using var response = await fixture.Client.SendAsync(HttpMethod.Get, $"/api/sync/recent-activity?limit={limit}", fixture.ViewerKey);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task ListActiveJobs_SeededStore_ReturnsUnfinishedRunsWithProgressAndEstimate()
    {
        // Act
        var body = await GetOkAsync("/api/sync/jobs/active");

        // Assert
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ActiveRuns.Select(RunIdOf), items.Select(i => i.GetProperty("job_id").GetString()));
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var push = items[1];
        Assert.Equal("shopify_push", push.GetProperty("type").GetString());
        Assert.Equal("push_to_shopify", push.GetProperty("direction").GetString());
        Assert.Equal("running", push.GetProperty("status").GetString());
        Assert.Equal(25m, push.GetProperty("progress").GetDecimal());
        // The estimate is the one the run's state keeps.
        Assert.Equal(PushEstimate, push.GetProperty("estimated_completion").GetDateTimeOffset());
        Assert.Equal(fixture.Instances[PushRunning].CreatedAt, push.GetProperty("started_at").GetDateTimeOffset());
        // The pending import has not started, so it has no state yet: its orchestrator's kind, no estimate.
        Assert.Equal("pending", items[0].GetProperty("status").GetString());
        Assert.Equal("etilize_import", items[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("estimated_completion").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("direction").ValueKind);
        Assert.Equal("awaiting_approval", items[2].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/sync/batches")]
    [InlineData("/api/sync/metrics")]
    [InlineData("/api/sync/recent-activity")]
    [InlineData("/api/sync/jobs/active")]
    public async Task Get_WithoutKey_Returns401(string path)
    {
        // Act
        using var response = await fixture.Client.SendAsync(HttpMethod.Get, path, key: null);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string RunIdOf(string name) => name switch
    {
        "import" => ImportCompleted,
        "push" => PushRunning,
        "pull" => PullFailed,
        "pending" => ImportPending,
        "schedule" => ScheduleAwaiting,
        "cancelled" => InventoryCancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such seeded run."),
    };

    // The rate the dashboard shows, from the instance's own times: items per second, two decimals.
    private static decimal ItemsPerSecond(long processed, DateTimeOffset from, DateTimeOffset to) =>
        Math.Round(processed / (decimal)(to - from).TotalSeconds, 2);

    private async Task<JsonElement> GetOkAsync(string path)
    {
        using var response = await fixture.Client.SendAsync(HttpMethod.Get, path, fixture.ViewerKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}

using System.Net;
using System.Text.Json;
using CowansSync.Functions.Tests.Infrastructure;

namespace CowansSync.Functions.Tests.Schedules;

/// <summary><c>/api/batch/sync</c> through Kestrel on a real Azurite: create, read, list, delete, and every refusal naming its field.</summary>
public sealed class SyncSchedulesApiTests
{
    private const string Key = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task Create_ValidSchedule_201ListedReadableWithNextRunThenDeleted()
    {
        await using var app = await AppAsync();
        using var client = app.CreateClient();

        using var created = await client.SendAsync(HttpMethod.Post, "/api/batch/sync/create", Key, new
        {
            name = "Daily Price Update",
            operations = new object[]
            {
                new { type = "sync_down", config = new { mode = "full" } },
                new { type = "xorosoft_inventory", config = new { sync_mode = "all", update_shopify = true } },
                new { type = "sync_up" },
            },
            schedule = "0 2 * * *",
            notifications = new { on_complete = true, on_error = true, webhook_url = "https://hooks.example.com/cowans" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = await created.ReadJsonAsync();
        var id = schedule.GetProperty("id").GetString()!;
        Assert.StartsWith("daily-price-update-", id, StringComparison.Ordinal);
        Assert.Equal($"/api/batch/sync/{id}", created.Headers.Location?.OriginalString);
        var next = schedule.GetProperty("next_run_at").GetDateTimeOffset();
        Assert.Equal((2, 0, 0), (next.Hour, next.Minute, next.Second));
        var now = TimeProvider.System.GetUtcNow();
        Assert.True(next > now && next <= now.AddDays(1));
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("last_run").ValueKind);
        Assert.Equal(["sync_down", "xorosoft_inventory", "sync_up"], schedule.GetProperty("operations").EnumerateArray().Select(step => step.GetProperty("type").GetString()));

        using var listed = await client.SendAsync(HttpMethod.Get, "/api/batch/sync", Key);
        Assert.Contains(id, (await listed.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()));
        using var read = await client.SendAsync(HttpMethod.Get, $"/api/batch/sync/{id}", Key);
        Assert.Equal("full", (await read.ReadJsonAsync()).GetProperty("operations")[0].GetProperty("config").GetProperty("mode").GetString());

        using var deleted = await client.SendAsync(HttpMethod.Delete, $"/api/batch/sync/{id}", Key);
        using var gone = await client.SendAsync(HttpMethod.Get, $"/api/batch/sync/{id}", Key);
        using var again = await client.SendAsync(HttpMethod.Delete, $"/api/batch/sync/{id}", Key);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidFields_400NamesEachAndStoresNothing()
    {
        await using var app = await AppAsync();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, "/api/batch/sync/create", Key, new
        {
            name = " ",
            schedule = "0 25 * * *",
            operations = new object[]
            {
                new { type = "sync_sideways" },
                new { type = "sync_down", config = new { mode = "partial" } },
                new { type = "xorosoft_inventory", config = new { sync_mode = "specific" } },
                new { type = "etilize_import", config = new { auto_approve_threshold = 2, filter = true } },
                new { type = "sync_up", config = new { batch_id = "x" } },
            },
            notifications = new { webhook_url = "http://10.0.0.5/hook" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = (await response.ReadJsonAsync()).GetProperty("details");
        Assert.Equal(
            [
                "name", "notifications.webhook_url", "operations[0].type", "operations[1].config.mode", "operations[2].config.product_skus",
                "operations[3].config.filter", "operations[4].config.batch_id", "schedule",
            ],
            details.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        Assert.Contains("is not a field", details.GetProperty("operations[3].config.filter").GetString(), StringComparison.Ordinal);
        using var listed = await client.SendAsync(HttpMethod.Get, "/api/batch/sync", Key);
        Assert.Equal(0, (await listed.ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("* * * * * *", "must not run more often than once a minute")]
    [InlineData("0 0 30 2 *", "never occurs")]
    [InlineData("every day", "is not a cron expression")]
    public async Task Create_BadSchedule_400NamesScheduleWithTheReason(string expression, string reason)
    {
        await using var app = await AppAsync();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, "/api/batch/sync/create", Key, new
        {
            name = "Bad",
            schedule = expression,
            operations = new object[] { new { type = "sync_down" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.ReadJsonAsync()).GetProperty("details").GetProperty("schedule").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ByAnOperator_403()
    {
        await using var app = await AppAsync();
        using var client = app.CreateClient();
        var (_, operatorKey) = await client.CreateKeyAsync("ops", "operator");

        using var response = await client.SendAsync(HttpMethod.Post, "/api/batch/sync/create", operatorKey, new
        {
            name = "Nightly",
            schedule = "0 2 * * *",
            operations = new object[] { new { type = "sync_down" } },
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<FunctionAppFactory> AppAsync()
    {
        var appRoot = TestAppRoot.Create();
        return new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
    }
}

using System.Net;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Tests.Workflows;

/// <summary><c>/api/runs</c> through Kestrel's test server on Azurite: read, list, events, cancel, re-drive.</summary>
public sealed class RunsApiTests
{
    private const string Admin = FunctionAppFactory.BootstrapKey;

    [Fact]
    public async Task GetRun_KnownRun_ReturnsItsStateProgressAndLinks()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun() with
        {
            Status = RunStatus.Running,
            Progress = new RunProgress(200, 50, 45, 5, 0),
            UpdatedAt = WorkflowStorage.NewRun().StartedAt.AddMinutes(1),
            Counters = new Dictionary<string, long> { ["total_rows"] = 200 },
        });

        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{run.RunId}", Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(run.RunId, body.GetProperty("run_id").GetString());
        Assert.Equal("running", body.GetProperty("status").GetString());
        Assert.Equal(25m, body.GetProperty("progress").GetProperty("percent").GetDecimal());
        Assert.Equal(200, body.GetProperty("counters").GetProperty("total_rows").GetInt64());
        // 50 items in one minute, 150 to go: three more minutes.
        Assert.Equal(run.UpdatedAt.AddMinutes(3), body.GetProperty("estimated_completion").GetDateTimeOffset());
        Assert.Equal($"/api/runs/{run.RunId}/cancel", body.GetProperty("links").GetProperty("cancel").GetString());
    }

    [Fact]
    public async Task GetRun_UnknownRun_Returns404NamingIt()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, "/api/runs/no-such-run", Admin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-such-run", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("run_id").GetString());
    }

    [Theory]
    [InlineData("?status=done", "status")]
    [InlineData("?per_page=500", "per_page")]
    [InlineData("?page=0", "page")]
    public async Task ListRuns_BadParameter_Returns400NamingIt(string query, string field)
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs{query}", Admin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListRuns_ByKind_ReturnsThatKindNewestFirst()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var kind = $"kind_{Guid.NewGuid():N}";
        var older = await CreateRunAsync(WorkflowStorage.NewRun(kind: kind));
        var newer = await CreateRunAsync(WorkflowStorage.NewRun(kind: kind) with { StartedAt = older.StartedAt.AddHours(1) });

        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs?kind={kind}", Admin);

        var body = await response.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal([newer.RunId, older.RunId], body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("run_id").GetString()));
    }

    [Fact]
    public async Task RaiseEvent_SameEventIdTwice_KeepsOneEventAndSaysDuplicate()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun() with { Status = RunStatus.AwaitingApproval });

        using var first = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}/events/approval", Admin, new { event_id = "review-1", approved = true });
        using var second = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}/events/approval", Admin, new { event_id = "review-1", approved = false });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.False((await first.ReadJsonAsync()).GetProperty("duplicate").GetBoolean());
        Assert.True((await second.ReadJsonAsync()).GetProperty("duplicate").GetBoolean());
        var events = await new TableRunStore(await WorkflowStorage.ClientsAsync()).ListEventsAsync(run.RunId, default);
        var kept = Assert.Single(events);
        Assert.Contains("\"approved\":true", kept.Payload, StringComparison.Ordinal);
        Assert.Equal("bootstrap-admin", kept.RaisedBy);
    }

    [Fact]
    public async Task RaiseEvent_BeforeTheRunWaits_IsKept()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun(phase: "split") with { Status = RunStatus.Running });

        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}/events/approval", Admin);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(await new TableRunStore(await WorkflowStorage.ClientsAsync()).ListEventsAsync(run.RunId, default));
    }

    [Theory]
    [InlineData("/events/approval")]
    [InlineData("/cancel")]
    public async Task Post_FinishedRun_Returns410(string action)
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun() with { Status = RunStatus.Completed });

        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}{action}", Admin);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("completed", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("approval!", null, "name")]
    [InlineData("approval", "[1,2]", "body")]
    [InlineData("approval", "{\"event_id\": 7}", "body")]
    [InlineData("approval", "not json", "body")]
    public async Task RaiseEvent_BadNameOrBody_Returns400NamingIt(string name, string? body, string field)
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{run.RunId}/events/{Uri.EscapeDataString(name)}");
        request.Headers.Authorization = new("Bearer", Admin);
        request.Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Cancel_RunningRun_CancelsItAndNeedsTheOperatorRole()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun() with { Status = RunStatus.Running });
        var (_, viewer) = await client.CreateKeyAsync("viewer", Roles.Viewer);

        using var forbidden = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}/cancel", viewer);
        using var cancelled = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}/cancel", Admin);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(RunStatus.Cancelled, (await new TableRunStore(await WorkflowStorage.ClientsAsync()).GetAsync(run.RunId, default))!.Status);
    }

    [Fact]
    public async Task Redrive_FailedRunWithPoisonMessages_MovesOnlyItsMessagesBackAndResumesIt()
    {
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var run = await CreateRunAsync(WorkflowStorage.NewRun() with { Status = RunStatus.Failed, LastError = "boom" });
        var storage = await WorkflowStorage.ClientsAsync();
        var poison = await storage.GetQueueAsync("sync-work-poison");
        var otherRun = $"other-{Guid.NewGuid():N}";
        await poison.SendMessageAsync($$"""{"type":"import.stage-batch","run_id":"{{run.RunId}}","batch_index":3}""");
        await poison.SendMessageAsync($$"""{"type":"import.stage-batch","run_id":"{{otherRun}}","batch_index":1}""");

        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{run.RunId}/redrive", Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("redriven").GetInt32());
        Assert.Equal(RunStatus.Running, (await new TableRunStore(storage).GetAsync(run.RunId, default))!.Status);
        var work = await storage.GetQueueAsync("sync-work");
        var redriven = (await work.ReceiveMessagesAsync(32)).Value.Where(m => m.MessageText.Contains(run.RunId, StringComparison.Ordinal)).ToList();
        Assert.Single(redriven);
        Assert.Contains("\"batch_index\":3", redriven[0].MessageText, StringComparison.Ordinal);
    }

    private static async Task<WorkflowRun> CreateRunAsync(WorkflowRun run)
    {
        await new TableRunStore(await WorkflowStorage.ClientsAsync()).TryCreateAsync(run, default);
        return run;
    }

    private static async Task<FunctionAppFactory> CreateSutAsync()
    {
        var appRoot = TestAppRoot.Create();
        return new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
    }
}

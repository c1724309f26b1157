using System.Net;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Domain.Staging;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Staging;

/// <summary><c>/api/sync/staged/bulk-approve</c> and <c>/bulk-reject</c> end to end.</summary>
public sealed class StagedChangesBulkApiTests : IAsyncLifetime
{
    private const string Admin = FunctionAppFactory.BootstrapKey;
    private static readonly ReviewInfo Review = new("carol", TestChanges.StagedAt, "done");
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
    public async Task BulkApprove_SomeNotPending_ApprovesRestAndSkipsWithReasons()
    {
        // Arrange
        var runId = TestChanges.NewRunId();
        var changes = Enumerable.Range(0, 4).Select(i => TestChanges.Update(runId, $"B-{i}", i)).ToList();
        await _store.StageAsync(changes, CancellationToken.None);
        await _store.TryTransitionAsync(changes[1].ChangeId, c => c.Reject(Review), CancellationToken.None);
        const string unknown = "0123456789abcdef0123456789abcdef";
        string[] ids = [.. changes.Select(c => c.ChangeId), unknown];

        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-approve", Admin, new { change_ids = ids, notes = "bulk" });
        var body = await response.ReadJsonAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(3, body.GetProperty("updated").GetInt32());
        var skipped = body.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("change_id").GetString()!, s => s.GetProperty("reason").GetString());
        Assert.Equal(2, skipped.Count);
        Assert.Equal("Only pending changes can be approved; this change is rejected.", skipped[changes[1].ChangeId]);
        Assert.Equal("No such staged change.", skipped[unknown]);
        var counts = await _store.CountByStatusAsync(runId, CancellationToken.None);
        Assert.Equal((3, 1), (counts[ChangeStatus.Approved], counts[ChangeStatus.Rejected]));
    }

    [Fact]
    public async Task BulkReject_BatchWithFilter_RejectsOnlyMatchingPending()
    {
        var runId = TestChanges.NewRunId();
        var plain = TestChanges.Update(runId, "F-1", 1);
        var conflicted = TestChanges.Update(runId, "F-2", 2).WithConflict();
        var created = TestChanges.Create(runId, "F-3", 3).WithConflict();
        await _store.StageAsync([plain, conflicted, created], CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reject", Admin,
            new { batch_id = runId, filter = new { change_type = "update", has_conflicts = true }, reason = "conflicts first", confirm = true });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("updated").GetInt32());
        Assert.Equal(0, body.GetProperty("skipped").GetArrayLength());
        Assert.Equal(ChangeStatus.Rejected, (await _store.GetAsync(conflicted.ChangeId, CancellationToken.None))!.Status);
        Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(plain.ChangeId, CancellationToken.None))!.Status);
        Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(created.ChangeId, CancellationToken.None))!.Status);
        Assert.Equal("staged_change.rejected", Assert.Single(await StagedChangesApiTests.ReadAuditAsync(conflicted.ChangeId)).GetString("Action"));
    }

    [Theory]
    [InlineData("empty ids", "change_ids")]
    [InlineData("1001 ids", "change_ids")]
    [InlineData("ids and batch", "change_ids")]
    [InlineData("neither", "change_ids")]
    [InlineData("blank id", "change_ids[1]")]
    [InlineData("bad filter", "filter.change_type")]
    [InlineData("long notes", "notes")]
    public async Task BulkApprove_BadBody_Returns400NamingField(string scenario, string field)
    {
        object body = scenario switch
        {
            "empty ids" => new { change_ids = Array.Empty<string>() },
            "1001 ids" => new { change_ids = Enumerable.Range(0, 1001).Select(i => $"{i:x32}").ToArray() },
            "ids and batch" => new { change_ids = new[] { "a" }, batch_id = "run" },
            "neither" => new { notes = "x" },
            "blank id" => new { change_ids = new[] { "a", " " } },
            "bad filter" => new { batch_id = "run", filter = new { change_type = "merge" } },
            _ => new { batch_id = "run", notes = new string('x', 2001) },
        };

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-approve", Admin, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _), scenario);
    }

    [Fact]
    public async Task BulkReject_UnknownField_Returns400NamingItAndRejectsNothing()
    {
        var runId = $"run-{Guid.NewGuid():N}";
        var change = TestChanges.Create(runId, "U-1", 1);
        await _store.StageAsync([change], CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reject", Admin, new { batch_id = runId, status = "nope", reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = (await response.ReadJsonAsync()).GetProperty("details");
        Assert.Contains("batch_id", details.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(change.ChangeId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task BulkReject_ABatchWithoutConfirm_Returns400WithTheCountAndDecidesNothing()
    {
        var runId = $"run-{Guid.NewGuid():N}";
        var changes = new[] { TestChanges.Create(runId, "C-1", 1), TestChanges.Create(runId, "C-2", 2) };
        await _store.StageAsync(changes, CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reject", Admin, new { batch_id = runId, reason = "all of it" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("would_update").GetInt32());
        Assert.True(body.GetProperty("details").TryGetProperty("confirm", out _));
        foreach (var change in changes)
        {
            Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(change.ChangeId, CancellationToken.None))!.Status);
        }
    }

    [Fact]
    public async Task BulkReopen_ABatchRejectedByMistake_PendingAgainAndAnApprovalTakenBack()
    {
        // Arrange: a batch rejected in full, and an approval of another batch not pushed yet.
        var runId = $"run-{Guid.NewGuid():N}";
        var rejected = new[] { TestChanges.Create(runId, "R-1", 1), TestChanges.Create(runId, "R-2", 2) };
        var approved = TestChanges.Create($"run-{Guid.NewGuid():N}", "A-1", 3);
        await _store.StageAsync([.. rejected, approved], CancellationToken.None);
        using var reject = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reject", Admin, new { batch_id = runId, reason = "oops", confirm = true });
        using var approve = await _client.SendAsync(HttpMethod.Post, $"/api/sync/staged/{approved.ChangeId}/approve", Admin);

        // Act
        using var unconfirmed = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reopen", Admin, new { batch_id = runId });
        using var batch = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reopen", Admin, new { batch_id = runId, confirm = true, notes = "rejected by mistake" });
        using var byId = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reopen", Admin, new { change_ids = new[] { approved.ChangeId } });

        // Assert
        Assert.Equal(2, (await reject.ReadJsonAsync()).GetProperty("updated").GetInt32());
        Assert.Equal(2, (await unconfirmed.ReadJsonAsync()).GetProperty("would_update").GetInt32());
        Assert.Equal(2, (await batch.ReadJsonAsync()).GetProperty("updated").GetInt32());
        Assert.Equal(1, (await byId.ReadJsonAsync()).GetProperty("updated").GetInt32());
        foreach (var change in rejected.Append(approved))
        {
            Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(change.ChangeId, CancellationToken.None))!.Status);
        }

        Assert.Contains(await StagedChangesApiTests.ReadAuditAsync(approved.ChangeId), entry => entry.GetString("Action") == "staged_change.reopened");
    }

    [Fact]
    public async Task BulkApprove_ValueOfTheWrongType_Returns400NamingItsPathAndType()
    {
        using var item = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-approve", Admin, System.Text.Json.JsonDocument.Parse("""{"change_ids": ["a", 5]}""").RootElement);
        using var field = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-approve", Admin, System.Text.Json.JsonDocument.Parse("""{"batch_id": 123}""").RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, item.StatusCode);
        Assert.Equal("must be a string", (await item.ReadJsonAsync()).GetProperty("details").GetProperty("change_ids[1]").GetString());
        Assert.Equal("must be a string", (await field.ReadJsonAsync()).GetProperty("details").GetProperty("batch_id").GetString());
    }

    [Fact]
    public async Task BulkReject_UnknownFieldInTheFilter_Returns400NamingItsPathAndRejectsNothing()
    {
        var runId = TestChanges.NewRunId();
        var change = TestChanges.Update(runId, "N-1", 1);
        await _store.StageAsync([change], CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reject", Admin,
            new { batch_id = runId, filter = new { change_type = "update", statuses = "pending" }, reason = "x", confirm = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("is not a field of this request", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("filter.statuses").GetString(), StringComparison.Ordinal);
        Assert.Equal(ChangeStatus.Pending, (await _store.GetAsync(change.ChangeId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task BulkApprove_BodyOverTheLimit_Returns413StatingIt()
    {
        var ids = Enumerable.Range(0, 40_000).Select(i => $"{i:D32}").ToArray();

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-approve", Admin, new { change_ids = ids });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1024 KiB", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkApprove_NotJson_Returns415SayingToSendJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync/staged/bulk-approve") { Content = new StringContent("change_ids=a", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Admin);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkReject_WithoutReason_Returns400NamingReason()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/staged/bulk-reject", Admin, new { batch_id = "run" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty("reason", out _));
    }
}

using System.Net;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Staging;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Push;

/// <summary>The push and rollback endpoints' answers to bad input and missing rights, on the app and Azurite.</summary>
public sealed class PushApiTests : IAsyncLifetime
{
    private const string Admin = FunctionAppFactory.BootstrapKey;
    private const string ChangeId = "0123456789abcdef0123456789abcdef";
    private FunctionAppFactory App { get; set; } = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var appRoot = TestAppRoot.Create();
        App = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        _client = App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    public static TheoryData<string, string> BadPushes => new()
    {
        { """{"batch_id": "run-1"}""", "confirm" },
        { """{"batch_id": "run-1", "confirm": false}""", "confirm" },
        { """{"confirm": true}""", "batch_id" },
        { """{"batch_id": "run-1", "change_ids": ["0123456789abcdef0123456789abcdef"], "confirm": true}""", "batch_id" },
        { """{"change_ids": [], "confirm": true}""", "change_ids" },
        { """{"change_ids": ["0123456789abcdef0123456789abcdef", "../etc"], "confirm": true}""", "change_ids[1]" },
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task Push_BadRequest_400NamingTheField(string body, string field)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/shopify/push", Admin, System.Text.Json.JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Push_UnknownBatch_404NamingIt()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/api/sync/shopify/push", Admin, new { batch_id = "no-such-run", confirm = true });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-such-run", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("batch_id").GetString());
    }

    [Fact]
    public async Task PushAndRollback_OperatorKey_403()
    {
        var (_, operatorKey) = await _client.CreateKeyAsync("push-operator", Roles.Operator);

        using var push = await _client.SendAsync(HttpMethod.Post, "/api/sync/shopify/push", operatorKey, new { change_ids = new[] { ChangeId }, confirm = true });
        using var rollback = await _client.SendAsync(HttpMethod.Post, $"/api/sync/rollback/{ChangeId}", operatorKey, new { reason = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, push.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rollback.StatusCode);
    }

    [Fact]
    public async Task Rollback_WithoutReason_400NamingIt()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/sync/rollback/{ChangeId}", Admin, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Rollback_UnknownChange_404()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/sync/rollback/{ChangeId}", Admin, new { reason = "wrong price" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rollback_PendingChange_409SayingItsStatus()
    {
        var change = TestChanges.Update(TestChanges.NewRunId(), TestChanges.NewSku());
        await App.Services.GetRequiredService<StagedChangeStore>().StageAsync([change], CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/sync/rollback/{change.ChangeId}", Admin, new { reason = "wrong price" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("pending", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("status").GetString());
    }
}

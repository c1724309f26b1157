using System.Net;
using System.Text;
using System.Text.Json;
using CowansSync.Functions.Apis;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Workflows;

/// <summary>
/// <c>/api/runs</c> through Kestrel's test server on real task-hub instances (Azurite): scripted stand-ins for the
/// orchestrations (<see cref="ScriptedRunFunctions"/>) put runs in the state each test needs.
/// </summary>
public sealed class RunsApiTests
{
    private const string Admin = FunctionAppFactory.BootstrapKey;
    private static readonly DateTimeOffset Started = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetRun_RunningRun_ReturnsItsStateProgressCountersEstimateAndLinks()
    {
        // Arrange: 50 items in the first minute, 150 to go: three more minutes.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var state = (State() with { Counters = new Dictionary<string, long> { ["total_rows"] = 200 } })
            .WithProgress(new RunProgress(200, 50, 45, 5, 0), Started.AddMinutes(1));
        var runId = await StartRunAsync(sut, new ScriptedRun(state, ScriptedOutcome.Wait));

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(runId, body.GetProperty("run_id").GetString());
        Assert.Equal(RunKinds.EtilizeImport, body.GetProperty("kind").GetString());
        Assert.Equal("running", body.GetProperty("status").GetString());
        Assert.Equal("validate", body.GetProperty("phase").GetString());
        Assert.Equal(25m, body.GetProperty("progress").GetProperty("percent").GetDecimal());
        Assert.Equal(200, body.GetProperty("counters").GetProperty("total_rows").GetInt64());
        Assert.Equal(Started.AddMinutes(4), body.GetProperty("estimated_completion").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("completed_at").ValueKind);
        Assert.Equal($"/api/runs/{runId}", body.GetProperty("links").GetProperty("self").GetString());
        Assert.Equal($"/api/runs/{runId}/cancel", body.GetProperty("links").GetProperty("cancel").GetString());
        Assert.Equal($"/api/runs/{runId}/redrive", body.GetProperty("links").GetProperty("redrive").GetString());
    }

    [Fact]
    public async Task GetRun_FailedRun_ReturnsFailedWithItsErrorAndNoEstimate()
    {
        // Arrange: the state still carries an estimate; a finished run has none.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var state = State().WithProgress(new RunProgress(200, 50, 50, 0, 0), Started.AddMinutes(1));
        var runId = await StartRunAsync(sut, new ScriptedRun(state, ScriptedOutcome.Fail, "the catalog is empty"));

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("failed", body.GetProperty("status").GetString());
        Assert.Contains("the catalog is empty", body.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("completed_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("estimated_completion").ValueKind);
    }

    [Fact]
    public async Task GetRun_UnknownRun_Returns404NamingIt()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, "/api/runs/no-such-run", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-such-run", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task GetRun_InstanceOfAnOrchestrationThatIsNotARun_Returns404()
    {
        // Arrange: a chunk of staging is an instance in the hub, but not a run (it is not in DurableRuns.Kinds).
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var hub = HubOf(sut);
        var instanceId = $"chunk-{Guid.NewGuid():N}";
        await hub.ScheduleNewOrchestrationInstanceAsync(nameof(StageCatalogChunk), null, new StartOrchestrationOptions(instanceId));
        Assert.NotNull(await hub.GetInstanceAsync(instanceId));

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs/{instanceId}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("?status=done", "status")]
    [InlineData("?per_page=500", "per_page")]
    [InlineData("?page=0", "page")]
    public async Task ListRuns_BadParameter_Returns400NamingIt(string query, string field)
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs{query}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListRuns_ByKind_ReturnsThatKindNewestFirst()
    {
        // Arrange: started one after the other, so their start times are in this order.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var older = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));
        await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed, RunKinds.ShopifyPush)), nameof(PushChanges));
        var newer = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/runs?kind={RunKinds.EtilizeImport}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.Equal([newer, older], body.GetProperty("items").EnumerateArray().Select(run => run.GetProperty("run_id").GetString()));
    }

    [Fact]
    public async Task ListRuns_ByStatus_ReturnsOnlyRunsInThatStatus()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));
        var waiting = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.AwaitingApproval), ScriptedOutcome.Wait));
        await StartRunAsync(sut, new ScriptedRun(State(), ScriptedOutcome.Fail, "boom"));

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, "/api/runs?status=awaiting_approval", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = Assert.Single((await response.ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(waiting, run.GetProperty("run_id").GetString());
        Assert.Equal("awaiting_approval", run.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListRuns_SecondPage_ReturnsTheOlderRunsAndTheTotals()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var oldest = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));
        await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));
        await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));

        // Act
        using var response = await client.SendAsync(HttpMethod.Get, "/api/runs?per_page=2&page=2", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(oldest, Assert.Single(body.GetProperty("items").EnumerateArray()).GetProperty("run_id").GetString());
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Equal(2, body.GetProperty("total_pages").GetInt32());
    }

    [Fact]
    public async Task RaiseEvent_WaitingRun_Returns202AndTheRunReceivesIt()
    {
        // Arrange: the scripted run completes when it receives the event it waits for.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.AwaitingApproval), ScriptedOutcome.Wait));

        // Act
        using var response = await client.SendAsync(
            HttpMethod.Post, $"/api/runs/{runId}/events/{ScriptedRunFunctions.FinishEvent}", Admin, new { event_id = "review-1", approved = true });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/runs/{runId}", response.Headers.Location?.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.Equal(runId, body.GetProperty("run_id").GetString());
        Assert.Equal(ScriptedRunFunctions.FinishEvent, body.GetProperty("name").GetString());
        Assert.Equal("review-1", body.GetProperty("event_id").GetString());
        using var patience = new CancellationTokenSource(Patience);
        var instance = await HubOf(sut).WaitForInstanceCompletionAsync(runId, patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
    }

    [Fact]
    public async Task RaiseEvent_NoEventId_Returns202WithANewOne()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.AwaitingApproval), ScriptedOutcome.Wait));

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/events/approval", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync()).GetProperty("event_id").GetString()));
    }

    [Fact]
    public async Task RaiseEvent_RunJustScheduled_IsKeptUntilTheRunWaitsForIt()
    {
        // Arrange: the event is raised without waiting for the run to start, let alone to wait for it.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = $"run-{Guid.NewGuid():N}";
        await HubOf(sut).ScheduleNewOrchestrationInstanceAsync(
            nameof(ImportCatalog), new ScriptedRun(State(), ScriptedOutcome.Wait), new StartOrchestrationOptions(runId));

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/events/{ScriptedRunFunctions.FinishEvent}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var patience = new CancellationTokenSource(Patience);
        var instance = await HubOf(sut).WaitForInstanceCompletionAsync(runId, patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
    }

    [Theory]
    [InlineData("approval!", null, "name")]
    [InlineData("approval", "[1,2]", "body")]
    [InlineData("approval", "{\"event_id\": 7}", "body")]
    [InlineData("approval", "{\"event_id\": \"no spaces\"}", "body")]
    [InlineData("approval", "not json", "body")]
    public async Task RaiseEvent_BadNameOrBody_Returns400NamingIt(string name, string? body, string field)
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(), ScriptedOutcome.Wait));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{runId}/events/{Uri.EscapeDataString(name)}");
        request.Headers.Authorization = new("Bearer", Admin);
        request.Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json");

        // Act
        using var response = await client.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task RaiseEvent_BodyOver32KiB_Returns400NamingTheBody()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(), ScriptedOutcome.Wait));

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/events/approval", Admin, new { note = new string('x', 33 * 1024) });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("details").TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("/events/approval")]
    [InlineData("/cancel")]
    [InlineData("/redrive")]
    public async Task Post_UnknownRun_Returns404NamingIt(string action)
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/no-such-run{action}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-such-run", (await response.ReadJsonAsync()).GetProperty("details").GetProperty("run_id").GetString());
    }

    [Theory]
    [InlineData("/events/approval")]
    [InlineData("/cancel")]
    public async Task Post_FinishedRun_Returns410WithItsStatus(string action)
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.Completed)));

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}{action}", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var details = (await response.ReadJsonAsync()).GetProperty("details");
        Assert.Equal(runId, details.GetProperty("run_id").GetString());
        Assert.Equal("completed", details.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/events/approval", Roles.Viewer)]
    [InlineData("/cancel", Roles.Viewer)]
    [InlineData("/redrive", Roles.Operator)]
    public async Task Post_KeyBelowTheRequiredRole_Returns403AndLeavesTheRunAlone(string action, string role)
    {
        // Arrange
        await using var sut = await CreateSutAsync(typeof(AdminKeysApi));
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(), ScriptedOutcome.Wait));
        var (_, key) = await client.CreateKeyAsync("too-low", role);

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}{action}", key);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await HubOf(sut).GetInstanceAsync(runId))!.RuntimeStatus);
    }

    [Fact]
    public async Task Cancel_WaitingRun_Returns202AndTerminatesIt()
    {
        // Arrange
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.AwaitingApproval), ScriptedOutcome.Wait));

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("cancelled", (await response.ReadJsonAsync()).GetProperty("status").GetString());
        using var patience = new CancellationTokenSource(Patience);
        var instance = await HubOf(sut).WaitForInstanceCompletionAsync(runId, patience.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance.RuntimeStatus);
        using var read = await client.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", Admin);
        Assert.Equal("cancelled", (await read.ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_RunWaitingOnAChildRun_TerminatesBoth()
    {
        // Arrange: as an import waits on the push its approval started.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var hub = HubOf(sut);
        var runId = await StartRunAsync(sut, new ScriptedRun(State(RunStatus.AwaitingApproval), ScriptedOutcome.WaitOnChild));
        var childId = ScriptedRunFunctions.ChildOf(runId);
        await WaitUntilAsync(hub, childId, instance => instance.RuntimeStatus == OrchestrationRuntimeStatus.Running && instance.SerializedCustomStatus is { Length: > 0 });

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/cancel", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var patience = new CancellationTokenSource(Patience);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await hub.WaitForInstanceCompletionAsync(runId, patience.Token)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await hub.WaitForInstanceCompletionAsync(childId, patience.Token)).RuntimeStatus);
    }

    [Fact]
    public async Task Redrive_FailedRun_Returns202AndRunsItAgainUnderItsId()
    {
        // Arrange: the scripted run fails on every attempt, so its second attempt fails too.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var hub = HubOf(sut);
        var runId = await StartRunAsync(sut, new ScriptedRun(State(), ScriptedOutcome.Fail, "boom"));
        var firstAttempt = (await hub.GetInstanceAsync(runId))!;

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/redrive", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(runId, body.GetProperty("run_id").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal($"/api/runs/{runId}", body.GetProperty("status_url").GetString());
        var secondAttempt = await WaitUntilAsync(hub, runId, instance => instance.CreatedAt > firstAttempt.CreatedAt && instance.IsCompleted);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, secondAttempt.RuntimeStatus);
    }

    [Theory]
    [InlineData(ScriptedOutcome.Wait, "running")]
    [InlineData(ScriptedOutcome.Complete, "completed")]
    public async Task Redrive_RunThatHasNotFailed_Returns409NamingItsStatus(ScriptedOutcome outcome, string status)
    {
        // Arrange: the state's status is the one the run shows when it completes.
        await using var sut = await CreateSutAsync();
        using var client = sut.CreateClient();
        var runId = await StartRunAsync(sut, new ScriptedRun(State(outcome == ScriptedOutcome.Complete ? RunStatus.Completed : RunStatus.Running), outcome));

        // Act
        using var response = await client.SendAsync(HttpMethod.Post, $"/api/runs/{runId}/redrive", Admin);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(status, (await response.ReadJsonAsync()).GetProperty("details").GetProperty("status").GetString());
    }

    private static RunState State(RunStatus status = RunStatus.Running, string kind = RunKinds.EtilizeImport) =>
        new(kind, "validate", status, RunProgress.None, new Dictionary<string, long>(), "test", Started);

    private static DurableTaskClient HubOf(FunctionAppFactory sut) => sut.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts a scripted run and waits until it is where its outcome leaves it: waiting, or finished.</summary>
    private static async Task<string> StartRunAsync(FunctionAppFactory sut, ScriptedRun script, string orchestrator = nameof(ImportCatalog))
    {
        var hub = HubOf(sut);
        var runId = $"run-{Guid.NewGuid():N}";
        await hub.ScheduleNewOrchestrationInstanceAsync(orchestrator, script, new StartOrchestrationOptions(runId));
        await WaitUntilAsync(hub, runId, instance => script.Outcome is ScriptedOutcome.Wait or ScriptedOutcome.WaitOnChild
            ? instance.RuntimeStatus == OrchestrationRuntimeStatus.Running && instance.SerializedCustomStatus is { Length: > 0 }
            : instance.IsCompleted);
        return runId;
    }

    private static async Task<OrchestrationMetadata> WaitUntilAsync(DurableTaskClient hub, string instanceId, Func<OrchestrationMetadata, bool> reached)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await hub.GetInstanceAsync(instanceId, getInputsAndOutputs: true, patience.Token) is { } instance && reached(instance))
            {
                return instance;
            }

            await Task.Delay(50, patience.Token);
        }
    }

    private static async Task<FunctionAppFactory> CreateSutAsync(params Type[] otherApis)
    {
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);

        return new FunctionAppFactory(appRoot, settings, functionClasses: [typeof(ScriptedRunFunctions), typeof(RunsApi), .. otherApis]);
    }
}

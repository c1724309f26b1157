using System.Text.Json;
using CowansSync.Functions.Apis;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Staging;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Workflows;
using CowansSync.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Apis;

/// <summary>
/// The app on its own Azurite (metrics and recent activity are totals over everything stored, so no other test's
/// data may be there), seeded once with real task-hub runs in every state (scripted stand-ins for the orchestrations),
/// staged changes, queue messages and audit entries.
/// </summary>
/// <remarks>
/// Runs are orchestration instances, so their times are the instances' real creation and update times: the runs are
/// started oldest first, and time assertions are made against the instances or the real clock. Only the audit log
/// keeps a fake clock, of its own (see <see cref="AuditNow"/>).
/// </remarks>
public sealed class SyncMonitoringFixture : IAsyncLifetime
{
    /// <summary>
    /// The audit log's clock once seeding is done. The log alone runs on a fake clock: its entries must fall in two
    /// months, and it reads its month partitions by the same clock, so it stays consistent.
    /// </summary>
    public static readonly DateTimeOffset AuditNow = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>When the running push says it will finish (its state's estimate, which the API passes on).</summary>
    public static readonly DateTimeOffset PushEstimate = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _auditClock = new(new DateTimeOffset(2026, 11, 30, 23, 58, 0, TimeSpan.Zero));
    private AzuriteServer _azurite = null!;

    /// <summary>An import (ImportCatalog) completed with a row error.</summary>
    public static string ImportCompleted { get; } = AzuriteServer.UniqueName("import");

    /// <summary>A push (PushChanges) waiting mid-way, with API usage and a batch name.</summary>
    public static string PushRunning { get; } = AzuriteServer.UniqueName("push");

    /// <summary>A run whose state says shopify_pull, failed.</summary>
    public static string PullFailed { get; } = AzuriteServer.UniqueName("pull");

    /// <summary>An import scheduled to start long after the tests: pending, with no state yet.</summary>
    public static string ImportPending { get; } = AzuriteServer.UniqueName("pending");

    /// <summary>A run whose state says schedule (no sync direction), awaiting approval.</summary>
    public static string ScheduleAwaiting { get; } = AzuriteServer.UniqueName("schedule");

    /// <summary>A run whose state says xorosoft_inventory, terminated while waiting.</summary>
    public static string InventoryCancelled { get; } = AzuriteServer.UniqueName("cancelled");

    public FunctionAppFactory App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A key with only the viewer role, created at 23:58 on the audit clock (the oldest audit entry).</summary>
    public string ViewerKey { get; private set; } = null!;

    public string ViewerKeyId { get; private set; } = null!;

    /// <summary>The seeded runs' instances as the task hub holds them once seeding is done, by run id.</summary>
    public IReadOnlyDictionary<string, OrchestrationMetadata> Instances { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var queueName = AzuriteServer.UniqueName("monitoring");
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["SyncStorage"] = _azurite.ConnectionString;
        settings["Test:Queue"] = queueName;
        settings["Test:TimerSchedule"] = "0 0 3 * * *";
        // Disabled, so no poller drains the messages the depths are measured on; metrics still count a disabled function's queue.
        settings[$"AzureWebJobs:{RecordingFunctions.QueueName}:Disabled"] = "true";
        settings[$"AzureWebJobs:{RecordingFunctions.TimerName}:Disabled"] = "true";
        App = new FunctionAppFactory(appRoot, settings, services =>
        {
            services.AddSingleton(new InvocationRecorder());
            services.Replace(ServiceDescriptor.Singleton(provider => new AuditLog(provider.GetRequiredService<StorageClients>(), _auditClock)));
        }, [typeof(ScriptedRunFunctions), typeof(SyncMonitoringApi), typeof(AdminKeysApi), typeof(RecordingFunctions)]);
        Client = App.CreateClient();
        (ViewerKeyId, ViewerKey) = await Client.CreateKeyAsync("dashboard", Roles.Viewer);
        await SeedAuditAsync(App.Services.GetRequiredService<AuditLog>());
        _auditClock.Advance(AuditNow - _auditClock.GetUtcNow());

        var durable = App.Services.GetRequiredService<DurableTaskClient>();
        await SeedRunsAsync(durable);
        var instances = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        foreach (var seeded in new[] { ImportCompleted, PushRunning, PullFailed, ImportPending, ScheduleAwaiting, InventoryCancelled })
        {
            instances[seeded] = await durable.GetInstanceAsync(seeded, getInputsAndOutputs: true) ?? throw new InvalidOperationException($"The run '{seeded}' was not seeded.");
        }

        Instances = instances;

        var runId = TestChanges.NewRunId();
        StagedChange Change(int minute, ChangeStatus status) => TestChanges.Update(runId, TestChanges.NewSku(), minute) with { Status = status };
        await App.Services.GetRequiredService<StagedChangeStore>().StageAsync(
            [Change(1, ChangeStatus.Pending), Change(2, ChangeStatus.Pending), Change(3, ChangeStatus.Pending), Change(4, ChangeStatus.Approved),
             Change(5, ChangeStatus.Applied), Change(6, ChangeStatus.Applied), Change(7, ChangeStatus.RolledBack)],
            CancellationToken.None);

        var storage = App.Services.GetRequiredService<StorageClients>();
        var work = await storage.GetQueueAsync(queueName);
        var poison = await storage.GetQueueAsync(StorageClients.PoisonQueueName(queueName));
        for (var i = 0; i < 3; i++)
        {
            await work.SendMessageAsync($$"""{"behaviour":"record","n":{{i}}}""");
        }

        await poison.SendMessageAsync("""{"behaviour":"record","n":10}""");
        await poison.SendMessageAsync("""{"behaviour":"record","n":11}""");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>Starts the runs oldest first (the API sorts by creation time) and waits until each shows its state.</summary>
    private static async Task SeedRunsAsync(DurableTaskClient client)
    {
        const string Import = nameof(ScriptedRunFunctions.ImportCatalog);
        const string Push = nameof(ScriptedRunFunctions.PushChanges);
        var scripts = new (string Orchestrator, string RunId, ScriptedRun Script)[]
        {
            (Import, InventoryCancelled, new ScriptedRun(State(RunKinds.XorosoftInventory, RunStatus.Running, new RunProgress(100, 20, 20, 0, 0)), ScriptedOutcome.Wait)),
            (Import, PullFailed, new ScriptedRun(State(RunKinds.ShopifyPull, RunStatus.Running, new RunProgress(800, 600, 590, 10, 0)), ScriptedOutcome.Fail, "Shopify answered 401")),
            (Import, ImportCompleted, new ScriptedRun(State(RunKinds.EtilizeImport, RunStatus.Completed, new RunProgress(1200, 1200, 1100, 60, 40)) with
            {
                CreatedBy = "timer",
                Errors = ["row 7: price is not a number"],
            })),
            (Import, ScheduleAwaiting, new ScriptedRun(State("schedule", RunStatus.AwaitingApproval, RunProgress.None), ScriptedOutcome.Wait)),
            (Push, PushRunning, new ScriptedRun(State(RunKinds.ShopifyPush, RunStatus.Running, new RunProgress(400, 100, 90, 5, 5)) with
            {
                CreatedBy = "alice",
                Counters = new Dictionary<string, long> { [RunCounters.ApiCalls] = 12, [RunCounters.ApiCost] = 340 },
                EstimatedCompletion = PushEstimate,
            }, ScriptedOutcome.Wait)
            {
                Input = new Dictionary<string, JsonElement> { ["Settings"] = JsonSerializer.SerializeToElement(new { BatchName = "Push approved" }) },
            }),
        };
        foreach (var (orchestrator, runId, script) in scripts)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, script, new StartOrchestrationOptions(runId));
        }

        // Pending as long as the fixture lives: its start is an hour away.
        await client.ScheduleNewOrchestrationInstanceAsync(
            Import, new ScriptedRun(State(RunKinds.EtilizeImport, RunStatus.Running, RunProgress.None), ScriptedOutcome.Wait),
            new StartOrchestrationOptions(ImportPending, TimeProvider.System.GetUtcNow().AddHours(1)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(scripts.Select(seed => seed.Script.Outcome == ScriptedOutcome.Wait
            ? WaitUntilShowingStateAsync(client, seed.RunId, timeout.Token)
            : client.WaitForInstanceCompletionAsync(seed.RunId, timeout.Token)));
        await client.TerminateInstanceAsync(InventoryCancelled, cancellation: timeout.Token);
        await client.WaitForInstanceCompletionAsync(InventoryCancelled, timeout.Token);
    }

    private static async Task WaitUntilShowingStateAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? instance = null;
        try
        {
            while ((instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken)) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running, SerializedCustomStatus.Length: > 0 })
            {
                await Task.Delay(50, cancellationToken);
            }
        }
        catch (OperationCanceledException error)
        {
            throw new TimeoutException($"The run '{runId}' never showed its state: it is {instance?.RuntimeStatus}, output {instance?.SerializedOutput}.", error);
        }
    }

    private static RunState State(string kind, RunStatus status, RunProgress progress) =>
        new(kind, "validate", status, progress, new Dictionary<string, long>(), null, TimeProvider.System.GetUtcNow());

    /// <summary>One entry in November and two in December, a minute or more apart, after the key's creation.</summary>
    private async Task SeedAuditAsync(AuditLog audit)
    {
        var alice = ApiClaims.CreatePrincipal("test", "key-alice", "alice", Roles.Approver);
        _auditClock.Advance(TimeSpan.FromMinutes(1));
        await audit.WriteAsync(alice, "staged_change.approved", "chg-1", "looks right", CancellationToken.None);
        _auditClock.Advance(TimeSpan.FromMinutes(2));
        await audit.WriteAsync(alice, "run.cancelled", "run-x", null, CancellationToken.None);
        _auditClock.Advance(TimeSpan.FromMinutes(1));
        await audit.WriteAsync(alice, "staged_change.rejected", "chg-2", "price wrong", CancellationToken.None);
    }
}

using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Tests.Staging;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using CowansSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Apis;

/// <summary>
/// The app on its own Azurite (metrics and recent activity are totals over everything stored, so no other test's
/// data may be there), seeded once with runs of every sync kind, staged changes, queue messages and audit entries.
/// </summary>
public sealed class SyncMonitoringFixture : IAsyncLifetime
{
    /// <summary>The fake clock's time once seeding is done; every run is placed relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 23, 58, 0, TimeSpan.Zero));
    private AzuriteServer _azurite = null!;

    public FunctionAppFactory App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A key with only the viewer role, created at 23:58 (the oldest audit entry).</summary>
    public string ViewerKey { get; private set; } = null!;

    public string ViewerKeyId { get; private set; } = null!;

    public static WorkflowRun ImportCompleted { get; } = Run(RunKinds.EtilizeImport, RunStatus.Completed, -50, -40, new RunProgress(1200, 1200, 1100, 60, 40), done: true) with
    {
        Configuration = """{"batch_name":"Nightly catalog"}""",
        CreatedBy = "timer",
        Errors = ["row 7: price is not a number"],
    };

    public static WorkflowRun PushRunning { get; } = Run(RunKinds.ShopifyPush, RunStatus.Running, -10, -5, new RunProgress(400, 100, 90, 5, 5)) with
    {
        Configuration = """{"batch_name":"Push approved","sync_type":"selective"}""",
        CreatedBy = "alice",
        Counters = new Dictionary<string, long> { [RunCounters.ApiCalls] = 12, [RunCounters.ApiCost] = 340 },
    };

    public static WorkflowRun PullFailed { get; } = Run(RunKinds.ShopifyPull, RunStatus.Failed, -90, -30, new RunProgress(800, 600, 590, 10, 0), done: true) with
    {
        LastError = "Shopify answered 401",
    };

    public static WorkflowRun InventoryPending { get; } = Run(RunKinds.XorosoftInventory, RunStatus.Pending, -1, -1, RunProgress.None);

    public static WorkflowRun ScheduleAwaiting { get; } = Run("schedule", RunStatus.AwaitingApproval, -20, -20, RunProgress.None);

    public static WorkflowRun ImportCancelled { get; } = Run(RunKinds.EtilizeImport, RunStatus.Cancelled, -2880, -2870, new RunProgress(100, 20, 20, 0, 0), done: true);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var appRoot = TestAppRoot.Create().WithQueue(FunctionNames.SyncWork, "sync-work");
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["SyncStorage"] = _azurite.ConnectionString;
        // Custom-handler mode: no queue listener drains the messages the depths are measured on.
        settings[HostingMode.PortVariable] = "7071";
        App = new FunctionAppFactory(appRoot, settings, services => services.AddSingleton<TimeProvider>(_clock));
        Client = App.CreateClient();
        (ViewerKeyId, ViewerKey) = await Client.CreateKeyAsync("dashboard", Roles.Viewer);
        await SeedAuditAsync(App.Services.GetRequiredService<AuditLog>());
        _clock.Advance(Now - _clock.GetUtcNow());

        var runs = App.Services.GetRequiredService<IRunStore>();
        foreach (var run in new[] { ImportCompleted, PushRunning, PullFailed, InventoryPending, ScheduleAwaiting, ImportCancelled })
        {
            await runs.TryCreateAsync(run, CancellationToken.None);
        }

        var runId = TestChanges.NewRunId();
        StagedChange Change(int minute, ChangeStatus status) => TestChanges.Update(runId, TestChanges.NewSku(), minute) with { Status = status };
        await App.Services.GetRequiredService<StagedChangeStore>().StageAsync(
            [Change(1, ChangeStatus.Pending), Change(2, ChangeStatus.Pending), Change(3, ChangeStatus.Pending), Change(4, ChangeStatus.Approved),
             Change(5, ChangeStatus.Applied), Change(6, ChangeStatus.Applied), Change(7, ChangeStatus.RolledBack)],
            CancellationToken.None);

        var storage = App.Services.GetRequiredService<StorageClients>();
        var work = await storage.GetQueueAsync("sync-work");
        var poison = await storage.GetQueueAsync("sync-work-poison");
        for (var i = 0; i < 3; i++)
        {
            await work.SendMessageAsync($$"""{"type":"test","n":{{i}}}""");
        }

        await poison.SendMessageAsync("""{"type":"test","n":10}""");
        await poison.SendMessageAsync("""{"type":"test","n":11}""");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>One entry in November and two in December, a minute or more apart, after the key's creation.</summary>
    private async Task SeedAuditAsync(AuditLog audit)
    {
        var alice = ApiClaims.CreatePrincipal("test", "key-alice", "alice", Roles.Approver);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await audit.WriteAsync(alice, "staged_change.approved", "chg-1", "looks right", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await audit.WriteAsync(alice, "run.cancelled", "run-x", null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await audit.WriteAsync(alice, "staged_change.rejected", "chg-2", "price wrong", CancellationToken.None);
    }

    private static WorkflowRun Run(string kind, RunStatus status, int startedMinutes, int updatedMinutes, RunProgress progress, bool done = false) => new()
    {
        RunId = AzuriteServer.UniqueName("run"),
        Kind = kind,
        Status = status,
        Phase = "validate",
        Progress = progress,
        StartedAt = Now.AddMinutes(startedMinutes),
        UpdatedAt = Now.AddMinutes(updatedMinutes),
        CompletedAt = done ? Now.AddMinutes(updatedMinutes) : null,
    };
}

using System.Collections.Concurrent;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace CowansSync.Orchestrations.Tests.Import;

/// <summary>
/// The import orchestration's decisions, in the in-process test host (which replays the orchestrator at every step,
/// so a non-deterministic decision shows as a failure). Activities are stand-ins that record their calls.
/// </summary>
public sealed class ImportCatalogTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ImportActivities _activities = new();
    private DurableTaskTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DurableTaskTestHost.StartAsync(_activities.Register);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Run_NothingPending_StagesEveryChunkAndCompletesWithTheSummedCounters()
    {
        _activities.Split = new CatalogSplit(Rows: 23, FailedRows: 1, Batches: 11, LastBatchRows: 2, Errors: ["a.csv line 3: bad"]);

        var run = await RunAsync(Input(batchesPerChunk: 4));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var state = run.ReadOutputAs<RunState>()!;
        Assert.Equal(RunStatus.CompletedWithErrors, state.Status);
        Assert.Equal(ImportPhases.Done, state.Phase);
        Assert.Equal(22, state.Counter(ImportCounters.ProcessedRows));
        Assert.Equal(23, state.Counter(ImportCounters.TotalRows));
        Assert.Equal(23, state.Progress.Processed);
        Assert.Equal(Enumerable.Range(0, 11), _activities.StagedBatches.Order());
        Assert.Contains("a.csv line 3: bad", state.Errors!);
    }

    [Fact]
    public async Task Run_ApprovalsRaisedBeforeStagingEnds_PushOncePerEventIdUntilNothingIsPending()
    {
        _activities.Pending = 3;
        _activities.OnPush = () => _activities.Pending = _activities.Pushes.Count >= 2 ? 0 : 1;
        var runId = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ImportCatalog), Input());
        var first = new RunEvent(ImportCatalog.ApprovalEvent, "ev-1", "{}", "ann", DateTimeOffset.UnixEpoch);

        await _host.Client.RaiseEventAsync(runId, ImportCatalog.ApprovalEvent, first);
        await _host.Client.RaiseEventAsync(runId, ImportCatalog.ApprovalEvent, first);
        await _host.Client.RaiseEventAsync(runId, ImportCatalog.ApprovalEvent, first with { EventId = "ev-2", RaisedBy = "bo" });
        var run = await WaitAsync(runId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(
            [ImportCatalog.PushRunIdOf(runId, "ev-1"), ImportCatalog.PushRunIdOf(runId, "ev-2")],
            _activities.Pushes.Select(p => p.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(_activities.Pushes, p => Assert.Equal(runId, p.Request.Settings.SourceRunId));
        Assert.Equal(["ann", "bo"], _activities.Pushes.Select(p => p.Request.CreatedBy).Order(StringComparer.Ordinal));
        Assert.Equal(RunStatus.Completed, run.ReadOutputAs<RunState>()!.Status);
    }

    [Fact]
    public async Task Run_ApprovalTimesOut_NotifiesOnceMarksOverdueAndKeepsWaiting()
    {
        _activities.Pending = 2;
        _activities.OnPush = () => _activities.Pending = 0;
        var runId = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ImportCatalog), Input(approvalTimeout: TimeSpan.FromSeconds(1)));

        var overdue = await WaitUntilAsync(runId, i => i.ReadCustomStatusAs<RunState>()?.Note == ImportCatalog.Overdue);
        await _host.Client.RaiseEventAsync(runId, ImportCatalog.ApprovalEvent, new RunEvent(ImportCatalog.ApprovalEvent, "ev-9", "{}", "bo", DateTimeOffset.UnixEpoch));
        var run = await WaitAsync(runId);

        Assert.Equal(RunStatus.AwaitingApproval, overdue.ReadCustomStatusAs<RunState>()!.Status);
        var notification = Assert.Single(_activities.Notifications);
        Assert.Equal("approval_overdue", notification.Event);
        Assert.Contains("2 staged change(s)", notification.Message, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
    }

    [Fact]
    public async Task Run_FileRefused_FailsWithTheReason()
    {
        _activities.Split = new CatalogSplit(0, 0, 0, 0, ["refused"], "The file 'a.zip' was refused (zip_bomb): too big");

        var run = await RunAsync(Input());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("zip_bomb", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(_activities.StagedBatches);
    }

    [Fact]
    public async Task Run_BatchFailsEveryRetry_CountsItsRowsFailedAndStagesTheRest()
    {
        _activities.Split = new CatalogSplit(Rows: 6, FailedRows: 0, Batches: 3, LastBatchRows: 2, Errors: []);
        _activities.FailingBatch = 1;

        var run = await RunAsync(Input());

        var state = run.ReadOutputAs<RunState>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(2, state.Counter(ImportCounters.FailedRows));
        Assert.Equal(4, state.Counter(ImportCounters.ProcessedRows));
        Assert.Contains(state.Errors!, e => e.StartsWith("batch 1 (2 rows) failed", StringComparison.Ordinal));
    }

    private static ImportCatalogInput Input(int batchesPerChunk = 25, TimeSpan? approvalTimeout = null) => new(
        new ImportSettings { DropPath = "etilize-drops/a.zip", FileName = "a.zip" },
        "ann",
        new ImportPlan(BatchSize: 2, batchesPerChunk, ParallelChunks: 2, ParallelBatches: 3, MaxListedErrors: 10,
            StoreSnapshotThreshold: 1_000, StoreSnapshotPollInterval: TimeSpan.FromSeconds(1), approvalTimeout ?? TimeSpan.FromDays(7)),
        new PushPlan(50, 1_000, 2_500, 4, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), 3, TimeSpan.FromSeconds(1)));

    private async Task<OrchestrationMetadata> RunAsync(ImportCatalogInput input)
        => await WaitAsync(await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ImportCatalog), input));

    private async Task<OrchestrationMetadata> WaitAsync(string runId)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await _host.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, patience.Token);
    }

    private async Task<OrchestrationMetadata> WaitUntilAsync(string runId, Func<OrchestrationMetadata, bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await _host.Client.GetInstanceAsync(runId, getInputsAndOutputs: true, patience.Token) is { } instance && condition(instance))
            {
                return instance;
            }

            await Task.Delay(100, patience.Token);
        }
    }

    /// <summary>Stand-ins for the import's activities and the push, recording what they were asked.</summary>
    private sealed class ImportActivities
    {
        public CatalogSplit Split { get; set; } = new(Rows: 4, FailedRows: 0, Batches: 2, LastBatchRows: 2, Errors: []);

        public int Pending { get; set; }

        public int? FailingBatch { get; set; }

        public bool XorosoftPrepared { get; private set; }

        public Action OnPush { get; set; } = () => { };

        public ConcurrentBag<int> StagedBatches { get; } = [];

        public ConcurrentBag<RunNotification> Notifications { get; } = [];

        public ConcurrentQueue<(string InstanceId, PushRequest Request)> Pushes { get; } = [];

        public void Register(DurableTaskRegistry registry)
        {
            registry.AddOrchestrator<ImportCatalog>();
            registry.AddOrchestrator<StageCatalogChunk>();
            registry.AddActivityFunc<string, bool>(nameof(PrepareXorosoftValidation), (_, _) => XorosoftPrepared = true);
            registry.AddActivityFunc<SplitCatalogInput, CatalogSplit>(nameof(SplitCatalog), (_, _) => Split);
            registry.AddActivityFunc<StageBatchInput, StagedBatches>(nameof(StageBatch), (_, input) => Stage(input));
            registry.AddActivityFunc<string, int>(nameof(CountPendingChanges), (_, _) => Pending);
            registry.AddActivityFunc<RunNotification, bool>(nameof(NotifyRun), (_, notification) =>
            {
                Notifications.Add(notification);
                return true;
            });
            registry.AddOrchestratorFunc<PushRequest, PushSummary>(nameof(PushChanges), (context, request) =>
            {
                if (!context.IsReplaying)
                {
                    Pushes.Enqueue((context.InstanceId, request));
                    OnPush();
                }

                return new PushSummary(RunStatus.Completed, new Dictionary<string, long>(), []);
            });
        }

        private StagedBatches Stage(StageBatchInput input)
        {
            if (input.BatchIndex == FailingBatch)
            {
                throw new InvalidOperationException("storage is down");
            }

            if (!XorosoftPrepared)
            {
                throw new InvalidOperationException("A batch was staged before Xorosoft's copy was ready.");
            }

            StagedBatches.Add(input.BatchIndex);
            var rows = input.BatchIndex == Split.Batches - 1 ? Split.LastBatchRows : 2;
            return new StagedBatches(new Dictionary<string, long> { [ImportCounters.ProcessedRows] = rows }, [], []);
        }
    }
}

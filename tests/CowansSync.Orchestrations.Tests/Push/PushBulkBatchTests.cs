using System.Collections.Concurrent;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace CowansSync.Orchestrations.Tests.Push;

/// <summary>
/// A bulk batch's decisions, in the in-process test host (which replays the orchestrator at every step): its store
/// export and mutations started again while the shop is busy, polled on durable timers or woken by their finish,
/// failures kept apart.
/// </summary>
public sealed class PushBulkBatchTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly BulkActivities _activities = new();
    private DurableTaskTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DurableTaskTestHost.StartAsync(_activities.Register);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Run_ShopBusyThenEveryOperationCompletes_PreparesFromTheExportAndFinishesWithBothMutations()
    {
        _activities.BusyStarts = 2;

        var run = await RunAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(3, _activities.Started.Count(start => start == "export"));
        Assert.Equal("export-1", Assert.Single(_activities.Prepared).StoreExportId);
        var finished = Assert.Single(_activities.Finished);
        Assert.Equal(("variants-1", "products-1"), (finished.VariantsOperationId, finished.ProductsOperationId));
        var result = run.ReadOutputAs<PushBatchResult>()!;
        Assert.Equal(5, result.Counters[PushCounters.Applied]);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task Run_ExportFails_FailsBeforeAnyChangeMovesNamingTheError()
    {
        _activities.Failing = "export-1";

        var run = await RunAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("INTERNAL_SERVER_ERROR", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("stay approved", run.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(_activities.Prepared);
    }

    [Fact]
    public async Task Run_VariantsMutationFails_ListsItAndFinishesWithoutItSoItsUpdatesAreWrittenOneByOne()
    {
        _activities.Failing = "variants-1";

        var run = await RunAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var finished = Assert.Single(_activities.Finished);
        Assert.Equal((null, "products-1"), (finished.VariantsOperationId, finished.ProductsOperationId));
        var error = Assert.Single(run.ReadOutputAs<PushBatchResult>()!.Errors);
        Assert.Contains("INTERNAL_SERVER_ERROR", error, StringComparison.Ordinal);
        Assert.Contains("written one by one", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EachOperationsFinishAnnounced_ChecksAtOnceInsteadOfWaitingThePollInterval()
    {
        _activities.Announce = (instanceId, operationId) => _host.Client.RaiseEventAsync(instanceId, BulkOperationWatch.FinishedEvent, operationId);

        // Three operations, each needing two checks: on the poll interval alone, an hour.
        var run = await RunAsync(pollInterval: TimeSpan.FromMinutes(10));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(["export-1", "variants-1", "products-1"], _activities.Watched);
        Assert.Empty(run.ReadOutputAs<PushBatchResult>()!.Errors);
    }

    private async Task<OrchestrationMetadata> RunAsync(TimeSpan? pollInterval = null)
    {
        var plan = new PushPlan(50, 0, 2_500, 4, pollInterval ?? TimeSpan.FromMilliseconds(200), TimeSpan.FromHours(2), 1, TimeSpan.FromSeconds(1));
        var input = new PushBulkBatchInput(new PushBatchInput("push-1", 0, "ann"), plan);
        var runId = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(PushBulkBatch), input);
        using var patience = new CancellationTokenSource(Patience);
        return await _host.Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, patience.Token);
    }

    /// <summary>Stand-ins for the bulk batch's activities: every operation runs for one check, then ends.</summary>
    private sealed class BulkActivities
    {
        private readonly ConcurrentDictionary<string, int> _checks = new(StringComparer.Ordinal);

        /// <summary>How many starts (of any operation) the shop refuses as busy first.</summary>
        public int BusyStarts { get; set; }

        /// <summary>The operation that ends failed.</summary>
        public string? Failing { get; set; }

        public ConcurrentQueue<string> Started { get; } = [];

        public ConcurrentQueue<PrepareBulkBatchInput> Prepared { get; } = [];

        public ConcurrentQueue<FinishBulkBatchInput> Finished { get; } = [];

        public ConcurrentQueue<string> Watched { get; } = [];

        /// <summary>What Shopify's finish webhook does for a watched operation (by default, nothing: polling finds it).</summary>
        public Func<string, string, Task>? Announce { get; set; }

        public void Register(DurableTaskRegistry registry)
        {
            registry.AddOrchestrator<PushBulkBatch>();
            registry.AddActivityFunc<PushBatchInput, ShopifyBulkStart>(nameof(StartStoreExport), (_, _) => Start("export"));
            registry.AddActivityFunc<BulkStageInput, ShopifyBulkStart>(nameof(StartBulkMutation), (_, input) => Start(input.Stage == ShopifyBulkStage.Variants ? "variants" : "products"));
            registry.AddActivityFunc<string, ShopifyBulkCheck>(nameof(CheckBulkOperation), (_, operationId) => Check(operationId));
            registry.AddActivityFunc<string, bool>(nameof(WatchBulkOperation), (context, operationId) =>
            {
                Watched.Enqueue(operationId);
                if (Announce is { } announce)
                {
                    // The finish is announced after a running check, as Shopify's webhook follows the end of the operation.
                    _ = Task.Run(async () =>
                    {
                        await Task.Delay(500);
                        await announce(context.InstanceId, operationId);
                        await Task.Delay(500);
                        await announce(context.InstanceId, operationId);
                    });
                }

                return true;
            });
            registry.AddActivityFunc<PrepareBulkBatchInput, BulkBatchPrepared>(nameof(PrepareBulkBatch), (_, input) =>
            {
                Prepared.Enqueue(input);
                return new BulkBatchPrepared(PushBatchResult.None, BulkWrites: 5, OneByOneWrites: 0);
            });
            registry.AddActivityFunc<FinishBulkBatchInput, PushBatchResult>(nameof(FinishBulkBatch), (_, input) =>
            {
                Finished.Enqueue(input);
                return new PushBatchResult(new Dictionary<string, long>(StringComparer.Ordinal) { [PushCounters.Applied] = 5 }, []);
            });
        }

        private ShopifyBulkStart Start(string operation)
        {
            Started.Enqueue(operation);
            if (BusyStarts > 0)
            {
                BusyStarts--;
                return ShopifyBulkStart.ShopBusy;
            }

            return ShopifyBulkStart.Started($"{operation}-1");
        }

        private ShopifyBulkCheck Check(string operationId) => _checks.AddOrUpdate(operationId, 1, (_, checks) => checks + 1) < 2
            ? new ShopifyBulkCheck(ShopifyBulkState.Running)
            : operationId == Failing
                ? new ShopifyBulkCheck(ShopifyBulkState.Failed, $"The bulk operation {operationId} ended Failed with error INTERNAL_SERVER_ERROR.")
                : new ShopifyBulkCheck(ShopifyBulkState.Completed);
    }
}

using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Tests.Workflows;

/// <summary>Fan-in over at-least-once delivery, on the real run store: exact counters, exactly one phase change.</summary>
public sealed class FanInTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-01T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CompleteBatchAsync_EveryBatchDeliveredTwiceConcurrently_CountsOnceAndAdvancesOnce()
    {
        var store = new TableRunStore(await WorkflowStorage.ClientsAsync());
        const int Batches = 30;
        var run = WorkflowStorage.NewRun(batchCount: Batches) with
        {
            InitialCounters = new Dictionary<string, long> { ["total_rows"] = Batches * 10, ["failed_rows"] = 3 },
        };
        await store.TryCreateAsync(run, default);
        var deliveries = Enumerable.Range(0, Batches).SelectMany(i => new[] { i, i }).ToList();

        var results = await Task.WhenAll(deliveries.Select(i => Task.Run(() => FanIn.CompleteBatchAsync(
            store, run.RunId, Marker(i), "validate", "finish", (counters, progress) => progress with { Processed = counters["processed_rows"] }, Now, default))));

        var final = (await store.GetAsync(run.RunId, default))!;
        Assert.Single(results, r => r.AdvancedPhase);
        Assert.Equal("finish", final.Phase);
        Assert.Equal(Batches, final.CompletedBatches);
        Assert.Equal(Batches * 10, final.Counter("processed_rows"));
        Assert.Equal(Enumerable.Range(0, Batches).Sum(), final.Counter("filtered"));
        Assert.Equal(3, final.Counter("failed_rows"));
        Assert.Equal(Batches * 10, final.Progress.Processed);
    }

    [Fact]
    public async Task CompleteBatchAsync_NotTheLastBatch_DoesNotAdvance()
    {
        var store = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var run = WorkflowStorage.NewRun(batchCount: 2);
        await store.TryCreateAsync(run, default);

        var result = await FanIn.CompleteBatchAsync(store, run.RunId, Marker(0), "validate", "finish", (_, p) => p, Now, default);

        Assert.False(result.AdvancedPhase);
        Assert.Equal("validate", result.Run.Phase);
        Assert.Equal(1, result.Run.CompletedBatches);
    }

    [Fact]
    public async Task CompleteBatchAsync_CancelledRun_ChangesNothing()
    {
        var store = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var run = WorkflowStorage.NewRun(batchCount: 1) with { Status = RunStatus.Cancelled };
        await store.TryCreateAsync(run, default);

        var result = await FanIn.CompleteBatchAsync(store, run.RunId, Marker(0), "validate", "finish", (_, p) => p, Now, default);

        Assert.False(result.AdvancedPhase);
        Assert.Equal("validate", result.Run.Phase);
        Assert.Equal(0, result.Run.CompletedBatches);
    }

    private static BatchCompletion Marker(int index) => new(
        index,
        new Dictionary<string, long> { ["processed_rows"] = 10, ["filtered"] = index },
        new Dictionary<string, IReadOnlyList<string>>());
}

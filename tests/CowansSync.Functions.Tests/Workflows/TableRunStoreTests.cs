using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Tests.Workflows;

/// <summary>The run store on Azurite: create-once, conditional replace, markers and events insert-if-absent.</summary>
public sealed class TableRunStoreTests
{
    [Fact]
    public async Task TryCreateAsync_SameIdTwice_CreatesOnceAndReadsBackEveryField()
    {
        var sut = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var run = WorkflowStorage.NewRun() with
        {
            Status = RunStatus.Running,
            Progress = new RunProgress(10, 4, 3, 1, 0),
            Counters = new Dictionary<string, long> { ["total_rows"] = 10 },
            Errors = ["catalog.csv line 3: no SKU"],
            Configuration = """{"file_name":"a.zip"}""",
        };

        var first = await sut.TryCreateAsync(run, default);
        var second = await sut.TryCreateAsync(run with { Phase = "other" }, default);
        var stored = await sut.GetAsync(run.RunId, default);

        Assert.True(first);
        Assert.False(second);
        Assert.NotNull(stored);
        Assert.Equal(run with { ETag = stored.ETag, Counters = stored.Counters, Errors = stored.Errors, InitialCounters = stored.InitialCounters }, stored);
        Assert.Equal(10, stored.Counter("total_rows"));
        Assert.Equal(["catalog.csv line 3: no SKU"], stored.Errors);
        Assert.Equal(40m, stored.Progress.Percent);
    }

    [Fact]
    public async Task TryReplaceAsync_StaleETag_ReturnsNullAndKeepsTheWinner()
    {
        var sut = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var run = WorkflowStorage.NewRun();
        await sut.TryCreateAsync(run, default);
        var read = (await sut.GetAsync(run.RunId, default))!;

        var winner = await sut.TryReplaceAsync(read with { Phase = "winner" }, default);
        var loser = await sut.TryReplaceAsync(read with { Phase = "loser" }, default);

        Assert.NotNull(winner);
        Assert.Null(loser);
        Assert.Equal("winner", (await sut.GetAsync(run.RunId, default))!.Phase);
    }

    [Fact]
    public async Task TryAddBatchCompletionAsync_Twice_KeepsTheFirstMarker()
    {
        var sut = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var run = WorkflowStorage.NewRun(batchCount: 2);
        await sut.TryCreateAsync(run, default);
        var marker = new BatchCompletion(1, new Dictionary<string, long> { ["processed_rows"] = 100 }, new Dictionary<string, IReadOnlyList<string>> { ["xorosoft_filtered"] = ["COS-1"] });

        var first = await sut.TryAddBatchCompletionAsync(run.RunId, marker, default);
        var second = await sut.TryAddBatchCompletionAsync(run.RunId, marker with { Counters = new Dictionary<string, long> { ["processed_rows"] = 7 } }, default);
        var markers = await sut.ListBatchCompletionsAsync(run.RunId, default);

        Assert.True(first);
        Assert.False(second);
        var stored = Assert.Single(markers);
        Assert.Equal(100, stored.Counters["processed_rows"]);
        Assert.Equal(["COS-1"], stored.Lists["xorosoft_filtered"]);
        Assert.True(await sut.IsBatchCompleteAsync(run.RunId, 1, default));
        Assert.False(await sut.IsBatchCompleteAsync(run.RunId, 0, default));
    }

    [Fact]
    public async Task TryAddEventAsync_DuplicateId_IsIgnored()
    {
        var sut = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var run = WorkflowStorage.NewRun();
        await sut.TryCreateAsync(run, default);
        var approval = new RunEvent("approval", "e1", """{"ok":true}""", "alice", run.StartedAt);

        var first = await sut.TryAddEventAsync(run.RunId, approval, default);
        var duplicate = await sut.TryAddEventAsync(run.RunId, approval with { Payload = "{}" }, default);
        var other = await sut.TryAddEventAsync(run.RunId, approval with { EventId = "e2" }, default);

        Assert.True(first);
        Assert.False(duplicate);
        Assert.True(other);
        var events = await sut.ListEventsAsync(run.RunId, default);
        Assert.Equal(["e1", "e2"], events.Select(e => e.EventId));
        Assert.Equal("""{"ok":true}""", events[0].Payload);
    }

    [Fact]
    public async Task ListAsync_KindAndStatus_FilterTheRuns()
    {
        var sut = new TableRunStore(await WorkflowStorage.ClientsAsync());
        var kind = $"kind_{Guid.NewGuid():N}";
        var running = WorkflowStorage.NewRun(kind: kind) with { Status = RunStatus.Running };
        var failed = WorkflowStorage.NewRun(kind: kind) with { Status = RunStatus.Failed, StartedAt = running.StartedAt.AddMinutes(1) };
        await sut.TryCreateAsync(running, default);
        await sut.TryCreateAsync(failed, default);

        var all = await sut.ListAsync(kind, null, default);
        var onlyFailed = await sut.ListAsync(kind, RunStatus.Failed, default);

        Assert.Equal([failed.RunId, running.RunId], all.Select(r => r.RunId));
        Assert.Equal([failed.RunId], onlyFailed.Select(r => r.RunId));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("x'y")]
    [InlineData("")]
    public async Task GetAsync_IdUnfitForATableKey_ReturnsNull(string runId)
    {
        var sut = new TableRunStore(await WorkflowStorage.ClientsAsync());

        Assert.Null(await sut.GetAsync(runId, default));
    }
}

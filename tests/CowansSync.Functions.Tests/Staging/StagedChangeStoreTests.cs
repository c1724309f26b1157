using System.Text;
using System.Text.Json;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Functions.Tests.Staging;

/// <summary>The staged-change store on Azurite: large records, big batches, re-delivery and conditional moves.</summary>
public sealed class StagedChangeStoreTests
{
    private static readonly ReviewInfo Review = new("alice", TestChanges.StagedAt.AddHours(1), "looks right");

    [Fact]
    public async Task StageAsync_ChangeOver200KB_RoundTripsWhole()
    {
        // Arrange: random letters compress poorly, so the record needs several 64 KiB parts.
        var sut = await TestChanges.CreateStoreAsync();
        var random = new Random(42);
        var description = new StringBuilder("<div>");
        while (description.Length < 250_000)
        {
            description.Append("<p>").Append(new string([.. Enumerable.Range(0, 60).Select(_ => (char)('a' + random.Next(26)))])).Append("</p>");
        }

        var change = TestChanges.Create(TestChanges.NewRunId(), TestChanges.NewSku(), description: description.Append("</div>").ToString());
        var json = JsonSerializer.Serialize(change, DomainJson.Options);

        // Act
        await sut.StageAsync([change], CancellationToken.None);
        var read = await sut.GetAsync(change.ChangeId, CancellationToken.None);

        // Assert
        Assert.True(json.Length > 200_000);
        Assert.NotNull(read);
        Assert.Equal(json, JsonSerializer.Serialize(read, DomainJson.Options));
    }

    [Fact]
    public async Task StageAsync_250ChangesInOneCall_StoresEachOnce()
    {
        var sut = await TestChanges.CreateStoreAsync();
        var runId = TestChanges.NewRunId();
        var changes = Enumerable.Range(0, 250).Select(i => TestChanges.Update(runId, $"SKU-{i:D3}", i)).ToList();

        await sut.StageAsync(changes, CancellationToken.None);
        var counts = await sut.CountByStatusAsync(runId, CancellationToken.None);
        var page = await sut.QueryAsync(new StagedChangeQuery(RunId: runId), 3, 100, CancellationToken.None);

        Assert.Equal(250, counts[ChangeStatus.Pending]);
        Assert.Equal(250, counts.Values.Sum());
        Assert.Equal(250, page.Total);
        Assert.Equal(50, page.Items.Count);
        Assert.Equal(changes[49].ChangeId, page.Items[0].ChangeId);
    }

    [Fact]
    public async Task StageAsync_SameBatchAgainAfterApproval_KeepsApprovalAndAddsNoDuplicate()
    {
        // Arrange
        var sut = await TestChanges.CreateStoreAsync();
        var runId = TestChanges.NewRunId();
        var changes = Enumerable.Range(0, 5).Select(i => TestChanges.Update(runId, $"SKU-{i}", i)).ToList();
        await sut.StageAsync(changes, CancellationToken.None);
        var approved = await sut.TryTransitionAsync(changes[2].ChangeId, c => c.Approve(Review), CancellationToken.None);
        var extra = TestChanges.Update(runId, "SKU-NEW", 9);

        // Act: the re-delivery also carries one change the first delivery lacked.
        await sut.StageAsync([.. changes, extra], CancellationToken.None);

        // Assert
        Assert.True(approved!.Succeeded);
        var counts = await sut.CountByStatusAsync(runId, CancellationToken.None);
        Assert.Equal(1, counts[ChangeStatus.Approved]);
        Assert.Equal(5, counts[ChangeStatus.Pending]);
        var reread = await sut.GetAsync(changes[2].ChangeId, CancellationToken.None);
        Assert.Equal(ChangeStatus.Approved, reread!.Status);
        Assert.Equal("alice", reread.Review!.Reviewer);
        Assert.NotNull(await sut.GetAsync(extra.ChangeId, CancellationToken.None));
        Assert.Equal(5, await sut.CountPendingAsync(runId, CancellationToken.None));
    }

    [Fact]
    public async Task TryTransitionAsync_SecondApproval_ReturnsDomainRefusal()
    {
        var sut = await TestChanges.CreateStoreAsync();
        var change = TestChanges.Update(TestChanges.NewRunId(), "SKU-1");
        await sut.StageAsync([change], CancellationToken.None);

        var first = await sut.TryTransitionAsync(change.ChangeId, c => c.Approve(Review), CancellationToken.None);
        var second = await sut.TryTransitionAsync(change.ChangeId, c => c.Reject(Review), CancellationToken.None);

        Assert.True(first!.Succeeded);
        Assert.False(second!.Succeeded);
        Assert.Equal("Only pending changes can be rejected; this change is approved.", second.Refusal);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task TryTransitionAsync_UnknownChange_ReturnsNull(string changeId)
    {
        var sut = await TestChanges.CreateStoreAsync();

        var transition = await sut.TryTransitionAsync(changeId, c => c.Approve(Review), CancellationToken.None);

        Assert.Null(transition);
        Assert.Null(await sut.GetAsync(changeId, CancellationToken.None));
    }

    [Fact]
    public async Task GetManyAsync_SliceScatteredAndOtherRunsChanges_ReadsEachFoundChange()
    {
        // Arrange: a dense slice of one run's sorted ids, a few scattered ones, another run's, and ids that match nothing.
        var sut = await TestChanges.CreateStoreAsync();
        var (runA, runB) = (TestChanges.NewRunId(), TestChanges.NewRunId());
        var inA = Enumerable.Range(0, 400).Select(i => TestChanges.Update(runA, $"SKU-{i:D3}", i)).ToList();
        var inB = Enumerable.Range(0, 20).Select(i => TestChanges.Update(runB, $"SKU-{i:D3}", i)).ToList();
        await sut.StageAsync(inA, CancellationToken.None);
        await sut.StageAsync(inB, CancellationToken.None);
        var sortedA = inA.Select(c => c.ChangeId).Order(StringComparer.Ordinal).ToList();
        var wanted = sortedA.Skip(100).Take(150).Concat(sortedA.Where((_, i) => i % 97 == 3)).Concat(inB.Select(c => c.ChangeId)).Distinct().ToList();

        // Act
        var read = await sut.GetManyAsync([.. wanted, "0123456789abcdef0123456789abcdef", "not-an-id"], CancellationToken.None);

        // Assert
        Assert.Equal(wanted.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.All(inA.Concat(inB).Where(c => read.ContainsKey(c.ChangeId)), c => Assert.Equal((c.RunId, c.Sku), (read[c.ChangeId].RunId, read[c.ChangeId].Sku)));
    }

    [Fact]
    public async Task TransitionManyAsync_OneMovedSinceRead_JudgesThatOneAgainstItsLatestStateAndMovesTheRest()
    {
        // Arrange: 150 changes read, then one of them approved by someone else before the batch move.
        var sut = await TestChanges.CreateStoreAsync();
        var runId = TestChanges.NewRunId();
        var changes = Enumerable.Range(0, 150).Select(i => TestChanges.Update(runId, $"SKU-{i:D3}", i)).ToList();
        await sut.StageAsync(changes, CancellationToken.None);
        var read = await sut.GetManyAsync([.. changes.Select(c => c.ChangeId)], CancellationToken.None);
        var raced = changes[7].ChangeId;
        await sut.TryTransitionAsync(raced, c => c.Approve(Review), CancellationToken.None);

        // Act
        var moved = await sut.TransitionManyAsync([.. read.Values], c => c.Reject(Review), CancellationToken.None);
        var again = await sut.TransitionManyAsync([.. read.Values], c => c.Reject(Review), CancellationToken.None);

        // Assert: the raced one stays approved; the others are rejected once, and a repeat changes nothing.
        Assert.Equal(ChangeStatus.Approved, moved[raced].Status);
        Assert.All(moved.Where(pair => pair.Key != raced), pair => Assert.Equal(ChangeStatus.Rejected, pair.Value.Status));
        Assert.Equal(150, moved.Count);
        Assert.Equal(moved.ToDictionary(p => p.Key, p => p.Value.Status), again.ToDictionary(p => p.Key, p => p.Value.Status));
        var counts = await sut.CountByStatusAsync(runId, CancellationToken.None);
        Assert.Equal((149, 1), (counts[ChangeStatus.Rejected], counts[ChangeStatus.Approved]));
    }

    [Fact]
    public async Task CountByStatusAsync_RunWhoseIdExtendsAnother_CountsOnlyItsOwn()
    {
        // Arrange: run ids where one is the other plus a bucket-like suffix.
        var sut = await TestChanges.CreateStoreAsync();
        var runId = TestChanges.NewRunId();
        await sut.StageAsync([.. Enumerable.Range(0, 3).Select(i => TestChanges.Update(runId, $"SKU-{i}", i))], CancellationToken.None);
        await sut.StageAsync([.. Enumerable.Range(0, 5).Select(i => TestChanges.Update($"{runId}~07", $"SKU-{i}", i))], CancellationToken.None);

        // Act
        var counts = await sut.CountByStatusAsync(runId, CancellationToken.None);
        var page = await sut.QueryAsync(new StagedChangeQuery(RunId: runId), 1, 50, CancellationToken.None);

        // Assert
        Assert.Equal(3, counts.Values.Sum());
        Assert.Equal(3, page.Total);
        Assert.All(page.Items, c => Assert.Equal(runId, c.RunId));
    }
}

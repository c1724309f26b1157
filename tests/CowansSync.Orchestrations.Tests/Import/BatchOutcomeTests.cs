using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Import;

public sealed class BatchOutcomeTests
{
    [Fact]
    public void WithoutPreviouslyRejected_OneApprovedOnePending_LeavesTheRestAndMovesTheirCounts()
    {
        var approved = new StagedChangeBuilder().WithPriceChange(10m, 11m).Build().Decide(new ApprovalVerdict(true, "r1", "Minor", "why")).Change!;
        var pending = new StagedChangeBuilder().WithPriceChange(10m, 20m).Build();
        var kept = new StagedChangeBuilder().WithInventoryChange(1, 2).Build();
        var counters = ImportCounters.All.ToDictionary(name => name, _ => 0L, StringComparer.Ordinal);
        counters[ImportCounters.AutoApproved] = 1;
        counters[ImportCounters.PendingReview] = 2;
        var sut = new BatchOutcome([approved, pending, kept], counters, [], []);

        var result = sut.WithoutPreviouslyRejected(change => change != kept);

        Assert.Equal([kept], result.Changes);
        Assert.Equal(0, result.Counters[ImportCounters.AutoApproved]);
        Assert.Equal(1, result.Counters[ImportCounters.PendingReview]);
        Assert.Equal(2, result.Counters[ImportCounters.PreviouslyRejected]);
    }

    [Fact]
    public void WithoutPreviouslyRejected_NoneRejected_IsTheSameOutcome()
    {
        var sut = new BatchOutcome([new StagedChangeBuilder().Build()], ImportCounters.All.ToDictionary(name => name, _ => 0L, StringComparer.Ordinal), [], []);

        Assert.Same(sut, sut.WithoutPreviouslyRejected(_ => false));
    }
}

using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed class ChangeLifecycleTests
{
    private static readonly HashSet<(ChangeStatus From, ChangeStatus To)> Legal =
    [
        (ChangeStatus.Pending, ChangeStatus.Approved),
        (ChangeStatus.Pending, ChangeStatus.Rejected),
        (ChangeStatus.Rejected, ChangeStatus.Pending),
        (ChangeStatus.Approved, ChangeStatus.Pending),
        (ChangeStatus.Approved, ChangeStatus.Applying),
        (ChangeStatus.Applying, ChangeStatus.Applied),
        (ChangeStatus.Applying, ChangeStatus.Failed),
        (ChangeStatus.Failed, ChangeStatus.Applying),
        (ChangeStatus.Applied, ChangeStatus.RolledBack),
    ];

    public static TheoryData<ChangeStatus, ChangeStatus> EveryPair()
    {
        var pairs = new TheoryData<ChangeStatus, ChangeStatus>();
        foreach (var from in Enum.GetValues<ChangeStatus>())
        {
            foreach (var to in Enum.GetValues<ChangeStatus>())
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanTransition_EveryPair_OnlyTheDocumentedMovesAreLegal(ChangeStatus from, ChangeStatus to)
    {
        Assert.Equal(Legal.Contains((from, to)), ChangeLifecycle.CanTransition(from, to));
        Assert.Equal(Legal.Contains((from, to)), ChangeLifecycle.RefusalOf(from, to) is null);
    }

    [Theory]
    [InlineData(ChangeStatus.Applied, ChangeStatus.Approved, "Only pending changes can be approved; this change is applied.")]
    [InlineData(ChangeStatus.Pending, ChangeStatus.Applying, "Only approved (or failed, to retry) changes can be applied; this change is pending.")]
    [InlineData(ChangeStatus.Failed, ChangeStatus.RolledBack, "Only applied changes can be rolled back; this change is failed.")]
    [InlineData(ChangeStatus.RolledBack, ChangeStatus.Pending, "Only rejected changes, or approved ones not yet pushed, can be reopened; this change is rolled_back.")]
    public void RefusalOf_IllegalMove_SaysWhichStateIsNeededAndWhichItIs(ChangeStatus from, ChangeStatus to, string expected)
    {
        Assert.Equal(expected, ChangeLifecycle.RefusalOf(from, to));
    }
}

using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed class ProposalFingerprintTests
{
    [Fact]
    public void Of_SameProposalFromAnotherRunAndStartingPoint_IsTheSame()
    {
        var first = new StagedChangeBuilder().WithPriceChange(10m, 12m).Build();
        var later = new StagedChangeBuilder().WithPriceChange(11m, 12m).Build() with { RunId = "run-later", ChangeId = "another" };

        Assert.Equal(ProposalFingerprint.Of(first), ProposalFingerprint.Of(later));
        Assert.Matches("^[0-9a-f]{64}$", ProposalFingerprint.Of(first));
    }

    [Fact]
    public void Of_AnotherProposedValue_Differs()
    {
        var first = new StagedChangeBuilder().WithPriceChange(10m, 12m).Build();
        var changed = new StagedChangeBuilder().WithPriceChange(10m, 13m).Build();

        Assert.NotEqual(ProposalFingerprint.Of(first), ProposalFingerprint.Of(changed));
    }

    [Fact]
    public void Of_AnotherFlow_Differs()
    {
        var import = new StagedChangeBuilder().WithPriceChange(10m, 12m).Build();
        var pull = new StagedChangeBuilder().WithPriceChange(10m, 12m).InDirection(ChangeDirection.PullFromShopify).Build();

        Assert.NotEqual(ProposalFingerprint.Of(import), ProposalFingerprint.Of(pull));
    }
}

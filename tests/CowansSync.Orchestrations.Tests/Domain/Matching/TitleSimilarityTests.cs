using CowansSync.Orchestrations.Domain.Matching;

namespace CowansSync.Orchestrations.Tests.Domain.Matching;

public sealed class TitleSimilarityTests
{
    [Fact]
    public void Of_SameWordsDifferentOrderAndPunctuation_IsOne()
    {
        Assert.Equal(1m, TitleSimilarity.Of("Copy Paper, A4 - White", "white a4 copy paper"));
    }

    [Fact]
    public void Of_UnrelatedTitles_IsLow()
    {
        Assert.True(TitleSimilarity.Of("Copy Paper A4", "Heavy Duty Stapler") < 0.3m);
    }

    [Fact]
    public void Of_EmptyTitle_IsZero()
    {
        Assert.Equal(0m, TitleSimilarity.Of(null, "Copy Paper"));
    }
}

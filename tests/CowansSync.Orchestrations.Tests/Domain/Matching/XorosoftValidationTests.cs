using CowansSync.Orchestrations.Domain.Matching;

namespace CowansSync.Orchestrations.Tests.Domain.Matching;

public sealed class XorosoftValidationTests
{
    [Theory]
    [InlineData(XorosoftMatchType.Exact, "1.00")]
    [InlineData(XorosoftMatchType.Upc, "0.98")]
    [InlineData(XorosoftMatchType.Mpn, "0.85")]
    public void Matched_EachSignal_CarriesItsConfidence(XorosoftMatchType matchType, string expected)
    {
        var sut = XorosoftValidation.Matched(matchType, "ITEM-1");

        Assert.True(sut.Valid);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), sut.Confidence);
    }

    [Fact]
    public void FuzzyMatch_AtWeakSignalCeiling_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => XorosoftValidation.FuzzyMatch("ITEM-1", 0.80m));
    }

    [Fact]
    public void IsKnownUnder_FuzzyHit_KnownOnlyInFuzzyMode()
    {
        var sut = XorosoftValidation.FuzzyMatch("ITEM-1", 0.7m);

        Assert.False(sut.IsKnownUnder(XorosoftValidationMode.Strict));
        Assert.True(sut.IsKnownUnder(XorosoftValidationMode.Fuzzy));
    }

    [Fact]
    public void IsKnownUnder_NotFound_IsUnknownInEveryMode()
    {
        Assert.False(XorosoftValidation.NotFound.IsKnownUnder(XorosoftValidationMode.Fuzzy));
    }
}

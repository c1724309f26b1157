using System.Text.RegularExpressions;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Tests.Domain.Staging;

public sealed partial class StagedChangeIdTests
{
    [Fact]
    public void For_KnownInputs_IsPinnedAcrossRunsAndMachines()
    {
        // A repeat of a step must find the row it wrote before, in any process, forever.
        Assert.Equal("cb323db54389816e8de304290c5bc7eb", StagedChangeId.For("import-20260115-1", Sku.Parse("AVE-5160"), ChangeDirection.EtilizeImport));
    }

    [Fact]
    public void For_SkuSpellingsOfSameProduct_SameId()
    {
        var sut = StagedChangeId.For("run-1", Sku.Parse("ave 5160"), ChangeDirection.EtilizeImport);

        Assert.Equal(sut, StagedChangeId.For("run-1", Sku.Parse(" AVE  5160"), ChangeDirection.EtilizeImport));
    }

    [Fact]
    public void For_EachDirection_DistinctId()
    {
        var ids = Enum.GetValues<ChangeDirection>().Select(d => StagedChangeId.For("run-1", Sku.Parse("AVE-5160"), d));

        Assert.Equal(Enum.GetValues<ChangeDirection>().Length, ids.Distinct().Count());
    }

    [Fact]
    public void For_DifferentRunOrSku_DistinctId()
    {
        var sut = StagedChangeId.For("run-1", Sku.Parse("A"), ChangeDirection.Manual);

        Assert.NotEqual(sut, StagedChangeId.For("run-2", Sku.Parse("A"), ChangeDirection.Manual));
        Assert.NotEqual(sut, StagedChangeId.For("run-1", Sku.Parse("B"), ChangeDirection.Manual));
    }

    [Fact]
    public void For_SkuWithRowKeyForbiddenCharacters_IsSafeRowKeyAndPathSegment()
    {
        var sut = StagedChangeId.For("run/1", Sku.Parse("AB/12#3?x\\y"), ChangeDirection.Manual);

        Assert.Matches(LowerHex32(), sut);
    }

    [Fact]
    public void For_EmptyRun_Throws()
    {
        Assert.Throws<ArgumentException>(() => StagedChangeId.For(" ", Sku.Parse("A"), ChangeDirection.Manual));
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex LowerHex32();
}

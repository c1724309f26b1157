using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Products;

public sealed class ManufacturerDirectoryTests
{
    private static ManufacturerDirectory CreateSut() => new(new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["hp"] = ["HP Inc.", "Hewlett-Packard Company", "Hewlett Packard"],
        ["avery"] = ["Avery Products Corporation", "Avery Dennison"],
    });

    [Theory]
    [InlineData("HP")]
    [InlineData("Hewlett-Packard")]
    [InlineData("HEWLETT PACKARD CO")]
    public void KeyOf_KnownAlias_MapsToId(string name)
    {
        Assert.Equal("id:hp", CreateSut().KeyOf(name));
    }

    [Fact]
    public void KeyOf_UnknownName_FallsBackToNormalizedName()
    {
        Assert.Equal("name:smead", CreateSut().KeyOf("Smead Mfg. Co."));
    }

    [Fact]
    public void KeyOf_Empty_IsNull()
    {
        Assert.Null(CreateSut().KeyOf("  "));
    }

    [Fact]
    public void Constructor_OneNameForTwoIds_Throws()
    {
        var namesById = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["a"] = ["Acme Inc"],
            ["b"] = ["ACME"],
        };

        Assert.Throws<ArgumentException>(() => new ManufacturerDirectory(namesById));
    }
}

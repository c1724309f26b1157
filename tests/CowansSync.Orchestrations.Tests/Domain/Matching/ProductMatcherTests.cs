using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Matching;

public sealed class ProductMatcherTests
{
    private static readonly ManufacturerDirectory Manufacturers = new(new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["avery"] = ["Avery Products Corporation", "Avery Dennison"],
    });

    private static ProductMatcher CreateSut(params Product[] products) => new(products, Manufacturers);

    [Fact]
    public void FindBestMatch_SkuDiffersOnlyInSpelling_MatchesExactlyAtFullConfidence()
    {
        // Arrange
        var product = new ProductBuilder().Build();
        var sut = CreateSut(product);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku(" ave-5160 ").WithUpc(null).Build());

        // Assert
        Assert.Equal(new ProductMatch(product, 1.00m, ProductMatchType.ExactSku), match);
    }

    [Fact]
    public void FindBestMatch_SkuAndUpcPointToDifferentProducts_SkuWins()
    {
        // Arrange
        var bySku = new ProductBuilder().WithUpc(null).Build();
        var byUpc = new ProductBuilder().WithSku("OTHER-1").Build();
        var sut = CreateSut(bySku, byUpc);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().Build());

        // Assert
        Assert.Same(bySku, match?.Product);
    }

    [Fact]
    public void FindBestMatch_ValidUpcAsEan13_MatchesAt098()
    {
        // Arrange
        var product = new ProductBuilder().WithSku("LOCAL-1").Build();
        var sut = CreateSut(product);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").WithUpc("0072782051600").Build());

        // Assert
        Assert.Equal(new ProductMatch(product, 0.98m, ProductMatchType.Upc), match);
    }

    [Fact]
    public void FindBestMatch_UpcWithBadCheckDigit_IsIgnoredAndNextSignalUsed()
    {
        // Arrange
        var product = new ProductBuilder().WithSku("LOCAL-1").WithUpc("072782051607").Build();
        var sut = CreateSut(product);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").WithUpc("072782051607").Build());

        // Assert
        Assert.Equal(ProductMatchType.ManufacturerAndPartNumber, match?.MatchType);
    }

    [Fact]
    public void FindBestMatch_UpcSharedByTwoProducts_FallsThroughToManufacturerAndPart()
    {
        // Arrange
        var expected = new ProductBuilder().WithSku("LOCAL-1").Build();
        var duplicate = new ProductBuilder().WithSku("LOCAL-2").WithPartNumber("OTHER").Build();
        var sut = CreateSut(expected, duplicate);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").Build());

        // Assert
        Assert.Equal(new ProductMatch(expected, 0.95m, ProductMatchType.ManufacturerAndPartNumber), match);
    }

    [Fact]
    public void FindBestMatch_ManufacturerAliasAndPunctuatedPartNumber_MatchesAt095()
    {
        // Arrange
        var product = new ProductBuilder().WithSku("LOCAL-1").WithUpc(null).WithPartNumber("5160").Build();
        var sut = CreateSut(product);
        var item = new CatalogItemBuilder().WithSku("NEW-1").WithUpc(null).WithManufacturer("AVERY DENNISON").WithPartNumber("51-60").Build();

        // Act
        var match = sut.FindBestMatch(item);

        // Assert
        Assert.Equal(new ProductMatch(product, 0.95m, ProductMatchType.ManufacturerAndPartNumber), match);
    }

    [Fact]
    public void FindBestMatch_PartNumberWithManufacturerUnknownOnOneSide_MatchesAt085()
    {
        // Arrange
        var product = new ProductBuilder().WithSku("LOCAL-1").WithUpc(null).WithManufacturer(null).Build();
        var sut = CreateSut(product);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").WithUpc(null).Build());

        // Assert
        Assert.Equal(new ProductMatch(product, 0.85m, ProductMatchType.PartNumberOnly), match);
    }

    [Fact]
    public void FindBestMatch_SamePartNumberDifferentKnownManufacturer_NoMatch()
    {
        // Arrange
        var sut = CreateSut(new ProductBuilder().WithSku("LOCAL-1").WithUpc(null).WithManufacturer("Smead").Build());

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").WithUpc(null).Build());

        // Assert
        Assert.Null(match);
    }

    [Fact]
    public void FindBestMatch_PartNumberSharedWithClearTitleWinner_WeakMatchBelow080()
    {
        // Arrange
        var labels = new ProductBuilder().WithSku("LOCAL-1").WithUpc(null).WithManufacturer(null).Build();
        var stapler = new ProductBuilder().WithSku("LOCAL-2").WithUpc(null).WithManufacturer(null).WithTitle("Swingline Heavy Duty Stapler").Build();
        var sut = CreateSut(stapler, labels);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").WithUpc(null).WithManufacturer(null).Build());

        // Assert
        Assert.NotNull(match);
        Assert.Same(labels, match.Product);
        Assert.Equal(ProductMatchType.TitleSimilarity, match.MatchType);
        Assert.Equal(0.79m, match.Confidence);
    }

    [Fact]
    public void FindBestMatch_PartNumberSharedWithoutTitleWinner_NoMatch()
    {
        // Arrange
        var first = new ProductBuilder().WithSku("LOCAL-1").WithUpc(null).WithManufacturer(null).Build();
        var second = new ProductBuilder().WithSku("LOCAL-2").WithUpc(null).WithManufacturer(null).Build();
        var sut = CreateSut(first, second);

        // Act
        var match = sut.FindBestMatch(new CatalogItemBuilder().WithSku("NEW-1").WithUpc(null).Build());

        // Assert
        Assert.Null(match);
    }

    [Fact]
    public void FindBestMatch_NothingInCommon_NoMatch()
    {
        // Arrange
        var sut = CreateSut(new ProductBuilder().Build());
        var item = new CatalogItemBuilder().WithSku("NEW-1").WithUpc("036000291452").WithPartNumber("XYZ-1").Build();

        // Act & Assert
        Assert.Null(sut.FindBestMatch(item));
    }
}

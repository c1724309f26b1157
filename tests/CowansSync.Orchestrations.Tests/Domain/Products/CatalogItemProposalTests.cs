using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Products;

public sealed class CatalogItemProposalTests
{
    [Fact]
    public void Propose_NoCurrentProduct_CreatesDraftFromRow()
    {
        // Arrange
        var item = new CatalogItemBuilder().WithXorosoft(31.99m, 19m, 40).Build();

        // Act
        var proposed = CatalogItemProposal.Propose(item, current: null);

        // Assert
        Assert.Equal(Sku.Parse("AVE-5160"), proposed.Sku);
        Assert.Equal(ProductStatus.Draft, proposed.Status);
        Assert.Equal(item.Title, proposed.Title);
        Assert.Equal("Labels", proposed.ProductType);
        Assert.Equal(31.99m, proposed.Price);
        Assert.Equal(40, proposed.InventoryQuantity);
        Assert.Equal(["labels"], proposed.Collections);
    }

    [Theory]
    [InlineData("Writing Instruments", "writing-instruments")]
    [InlineData("  Paper & Pads / Notebooks ", "paper-pads-notebooks")]
    [InlineData("Ink-Jet", "ink-jet")]
    [InlineData(" & ", null)]
    [InlineData(null, null)]
    public void CollectionHandle_Of_DerivesShopifysHandle(string? category, string? expected)
        => Assert.Equal(expected, CollectionHandle.Of(category));

    [Fact]
    public void Propose_RowLacksValues_KeepsCurrentOnes()
    {
        // Arrange
        var current = new ProductBuilder().Build();
        var item = new CatalogItemBuilder().WithTitle("  New title ").With(i => i with { Images = [], DescriptionHtml = " " }).Build();

        // Act
        var proposed = CatalogItemProposal.Propose(item, current);

        // Assert
        Assert.Equal("New title", proposed.Title);
        Assert.Equal(current.DescriptionHtml, proposed.DescriptionHtml);
        Assert.Same(current.Images, proposed.Images);
        Assert.Equal(current.Price, proposed.Price);
        Assert.Equal(current.Handle, proposed.Handle);
    }
}

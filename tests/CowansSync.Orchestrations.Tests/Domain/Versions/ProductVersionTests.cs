using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Versions;

public sealed class ProductVersionTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Product Product = new ProductBuilder().Build();

    [Fact]
    public void After_NoPrevious_IsVersionOneWithEveryFilledField()
    {
        // Act
        var sut = ProductVersion.After(null, Product, SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", At);

        // Assert
        Assert.Equal(1, sut.Number);
        Assert.Equal(ProductFields.All.Select(f => f.Name), sut.ChangedFields);
        Assert.Equal(ProductSnapshot.Hash(Product), sut.Hash);
        Assert.Equal(At, sut.CreatedAt);
    }

    [Fact]
    public void After_Previous_NextNumberAndOnlyTheChangedFields()
    {
        // Arrange
        var first = ProductVersion.After(null, Product, SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", At);

        // Act
        var sut = ProductVersion.After(first, Product with { Price = 31m, InventoryQuantity = 7 }, SourceSystem.Xorosoft, ChangeDirection.XorosoftInventory, "run-2", At.AddDays(1));

        // Assert
        Assert.Equal(2, sut.Number);
        Assert.Equal(["price", "inventory_quantity"], sut.ChangedFields);
        Assert.NotEqual(first.Hash, sut.Hash);
        Assert.Equal(SourceSystem.Xorosoft, sut.Source);
    }

    [Fact]
    public void After_PreviousOfAnotherProduct_Throws()
    {
        var first = ProductVersion.After(null, Product, SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", At);

        Assert.Throws<ArgumentException>(() => ProductVersion.After(first, Product with { Sku = Sku.Parse("OTHER") }, SourceSystem.Manual, ChangeDirection.Manual, "alice", At));
    }
}

using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Versions;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Versions;

public sealed class ProductSnapshotTests
{
    private static readonly Product Product = new ProductBuilder().Build();

    [Fact]
    public void Hash_KnownProduct_IsPinnedAcrossRunsAndMachines()
    {
        // A version written today must verify against the same hash in any later process.
        var minimal = new Product { Sku = Sku.Parse("ave-5160"), Title = "Labels", Price = 29.90m, Tags = ["b", "a"] };

        Assert.Equal(
            """{"price":29.9,"sku":"AVE-5160","status":"draft","tags":["a","b"],"title":"Labels"}""",
            System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(ProductSnapshot.ToJson(minimal))));
        Assert.Equal("bc5ea789300d1d1253c76371ea6670653673cf0559df6a85ac907ce240c7d2bb", ProductSnapshot.Hash(minimal));
    }

    [Fact]
    public void Hash_EquivalentProductsBuiltDifferently_SameHash()
    {
        // Arrange: different SKU spelling, tag order, number scale and metafield insertion order.
        var equivalent = Product with
        {
            Sku = Sku.Parse(" ave-5160 "),
            Tags = ["mailing", "labels"],
            Price = 29.990m,
            Metafields = new Dictionary<string, string> { ["specs.count"] = "3000", ["specs.color"] = "White" },
        };

        // Act & Assert
        Assert.Equal(ProductSnapshot.Hash(Product), ProductSnapshot.Hash(equivalent));
    }

    [Fact]
    public void Hash_BookkeepingOnly_Unchanged()
    {
        var synced = Product.WithFieldSources(["price"], new FieldProvenance(SourceSystem.Xorosoft, DateTimeOffset.UnixEpoch))
            with { LastSyncedVersion = 4, LastSyncedHash = "abc" };

        Assert.Equal(ProductSnapshot.Hash(Product), ProductSnapshot.Hash(synced));
    }

    [Fact]
    public void Hash_CatalogFieldChanged_Differs()
    {
        Assert.NotEqual(ProductSnapshot.Hash(Product), ProductSnapshot.Hash(Product with { Price = 30m }));
    }
}

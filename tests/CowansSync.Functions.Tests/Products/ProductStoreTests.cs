using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Tests.Products;

/// <summary>The local catalog on Azurite: a late older save never undoes a newer one.</summary>
public sealed class ProductStoreTests
{
    [Fact]
    public async Task SaveAsync_LateOlderSave_KeepsNewerVersion()
    {
        // Arrange
        var sut = await TestProducts.ProductStoreAsync();
        var sku = TestProducts.NewSku("ps");
        await sut.SaveAsync(TestProducts.Product(sku, price: 20m, lastSyncedVersion: 3), CancellationToken.None);

        // Act
        await sut.SaveAsync(TestProducts.Product(sku, price: 10m, lastSyncedVersion: 2), CancellationToken.None);
        await sut.SaveAsync(TestProducts.Product(sku, price: 5m), CancellationToken.None);
        var stored = await sut.GetAsync(sku, CancellationToken.None);

        // Assert
        Assert.Equal(3, stored!.LastSyncedVersion);
        Assert.Equal(20m, stored.Price);
    }

    [Fact]
    public async Task SaveAsync_NewerOrSameVersion_Replaces()
    {
        var sut = await TestProducts.ProductStoreAsync();
        var sku = TestProducts.NewSku("ps");
        await sut.SaveAsync(TestProducts.Product(sku, price: 10m, lastSyncedVersion: 1), CancellationToken.None);

        await sut.SaveAsync(TestProducts.Product(sku, price: 11m, lastSyncedVersion: 2), CancellationToken.None);
        await sut.SaveAsync(TestProducts.Product(sku, price: 12m, title: "Renamed", lastSyncedVersion: 2), CancellationToken.None);
        var stored = await sut.GetAsync(Sku.Parse(sku.Normalized.ToLowerInvariant()), CancellationToken.None);

        Assert.Equal(2, stored!.LastSyncedVersion);
        Assert.Equal(12m, stored.Price);
        Assert.Equal("Renamed", stored.Title);
    }

    [Fact]
    public async Task SaveAsync_ConcurrentSavesOfVersionsOneToEight_KeepsEight()
    {
        var sut = await TestProducts.ProductStoreAsync();
        var sku = TestProducts.NewSku("ps");

        await Task.WhenAll(Enumerable.Range(1, 8).Select(n => Task.Run(() =>
            sut.SaveAsync(TestProducts.Product(sku, price: n, lastSyncedVersion: n), CancellationToken.None))));
        var stored = await sut.GetAsync(sku, CancellationToken.None);

        Assert.Equal(8, stored!.LastSyncedVersion);
        Assert.Equal(8m, stored.Price);
    }

    [Fact]
    public async Task GetAsync_UnknownSku_ReturnsNull()
    {
        var sut = await TestProducts.ProductStoreAsync();

        var stored = await sut.GetAsync(TestProducts.NewSku("ps"), CancellationToken.None);

        Assert.Null(stored);
    }

    [Fact]
    public async Task ListAsync_AllPages_HoldEachProductOnceBySku()
    {
        // Arrange: the table is shared with other tests, so only this test's SKUs (a fresh prefix) are checked.
        var sut = await TestProducts.ProductStoreAsync();
        var prefix = $"LS{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        string[] suffixes = ["C", "A/1", "B 2"];
        var skus = suffixes.Select(suffix => Sku.Parse($"{prefix}-{suffix}")).ToList();
        foreach (var sku in skus)
        {
            await sut.SaveAsync(TestProducts.Product(sku, lastSyncedVersion: 1), CancellationToken.None);
        }

        // Act
        var first = await sut.ListAsync(1, 200, CancellationToken.None);
        var all = first.Items.ToList();
        for (var page = 2; page <= (first.Total + 199) / 200; page++)
        {
            all.AddRange((await sut.ListAsync(page, 200, CancellationToken.None)).Items);
        }

        // Assert
        Assert.Equal(first.Total, all.Count);
        Assert.Equal([$"{prefix}-A/1", $"{prefix}-B 2", $"{prefix}-C"],
            all.Select(p => p.Sku.Normalized).Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
    }
}

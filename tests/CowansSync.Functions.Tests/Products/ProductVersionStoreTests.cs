using Azure.Data.Tables;
using CowansSync.Functions.Products;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Products;

/// <summary>The product version store on Azurite: numbering, idempotence per change id and concurrent writers.</summary>
public sealed class ProductVersionStoreTests
{
    private readonly FakeTimeProvider _time = new(TestProducts.Start);

    [Fact]
    public async Task RecordAsync_SuccessiveChanges_NumbersOneTwoThreeWithChangedFieldsAndHash()
    {
        // Arrange
        var sut = await TestProducts.VersionStoreAsync(_time);
        var sku = TestProducts.NewSku();
        var first = TestProducts.Product(sku);
        var second = first with { Price = 12.5m };
        var third = second with { Title = "Widget Pro", Tags = ["new"] };

        // Act
        var v1 = await sut.RecordAsync(first, TestProducts.NewChangeId(), SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var v2 = await sut.RecordAsync(second, TestProducts.NewChangeId(), SourceSystem.Xorosoft, ChangeDirection.XorosoftInventory, "run-2", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var v3 = await sut.RecordAsync(third, TestProducts.NewChangeId(), SourceSystem.Manual, ChangeDirection.PushToShopify, "alice", CancellationToken.None);
        var listed = await sut.ListAsync(Sku.Parse(" " + sku.Normalized.ToLowerInvariant()), CancellationToken.None);

        // Assert
        Assert.Equal([1, 2, 3], new[] { v1.Number, v2.Number, v3.Number });
        Assert.Subset(v1.ChangedFields.ToHashSet(), new HashSet<string> { "title", "manufacturer", "price", "shopify_product_id" });
        Assert.Equal(["price"], v2.ChangedFields);
        Assert.Equal(["tags", "title"], v3.ChangedFields.Order(StringComparer.Ordinal));
        Assert.Equal(ProductSnapshot.Hash(second), v2.Hash);
        Assert.NotEqual(v1.Hash, v2.Hash);
        Assert.Equal([3, 2, 1], listed.Select(v => v.Number));
        Assert.Equal((v3.Hash, v3.ChangeId, v3.Actor, v3.Source), (listed[0].Hash, listed[0].ChangeId, listed[0].Actor, listed[0].Source));
        Assert.Equal(v3.ChangedFields, listed[0].ChangedFields);
        Assert.Equal(["new"], listed[0].Snapshot.Tags);
        Assert.Equal(12.5m, listed[1].Snapshot.Price);
        Assert.Equal(TestProducts.Start.AddMinutes(10), listed[0].CreatedAt);
        Assert.Equal(ChangeDirection.PushToShopify, listed[0].Direction);
    }

    [Fact]
    public async Task RecordAsync_SameChangeIdAgain_ReturnsFirstVersionAndWritesNothing()
    {
        // Arrange
        var sut = await TestProducts.VersionStoreAsync(_time);
        var sku = TestProducts.NewSku();
        var changeId = TestProducts.NewChangeId();
        var first = await sut.RecordAsync(TestProducts.Product(sku), changeId, SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", CancellationToken.None);
        var rowsBefore = await PartitionRowsAsync(sku);
        _time.Advance(TimeSpan.FromHours(1));

        // Act: a re-delivered push, even with a later snapshot, is the same change.
        var again = await sut.RecordAsync(TestProducts.Product(sku, price: 99m), changeId, SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", CancellationToken.None);

        // Assert
        Assert.Equal(1, again.Number);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(changeId, again.ChangeId);
        Assert.Equal(rowsBefore, await PartitionRowsAsync(sku));
        Assert.Single(await sut.ListAsync(sku, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_TenConcurrentChanges_NumbersOneToTenWithoutGapOrDuplicate()
    {
        // Arrange
        var sut = await TestProducts.VersionStoreAsync(_time);
        var sku = TestProducts.NewSku();
        var changes = Enumerable.Range(1, 10).Select(i => (ChangeId: TestProducts.NewChangeId(), Product: TestProducts.Product(sku, price: i))).ToList();

        // Act
        var recorded = await Task.WhenAll(changes.Select(change => Task.Run(() =>
            sut.RecordAsync(change.Product, change.ChangeId, SourceSystem.Xorosoft, ChangeDirection.XorosoftInventory, "run-c", CancellationToken.None))));
        var listed = await sut.ListAsync(sku, CancellationToken.None);

        // Assert
        Assert.Equal(Enumerable.Range(1, 10), recorded.Select(v => v.Number).Order());
        Assert.Equal(Enumerable.Range(1, 10).Reverse(), listed.Select(v => v.Number));
        Assert.Equal(changes.Select(c => c.ChangeId).Order(StringComparer.Ordinal), listed.Select(v => v.ChangeId!).Order(StringComparer.Ordinal));
        Assert.All(recorded, v => Assert.Equal(changes.Single(c => c.ChangeId == v.ChangeId).Product.Price, v.Snapshot.Price));
    }

    [Fact]
    public async Task RecordAsync_SameChangeConcurrently_RecordsItOnce()
    {
        var sut = await TestProducts.VersionStoreAsync(_time);
        var sku = TestProducts.NewSku();
        var changeId = TestProducts.NewChangeId();

        var recorded = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            sut.RecordAsync(TestProducts.Product(sku), changeId, SourceSystem.Shopify, ChangeDirection.PullFromShopify, "run-s", CancellationToken.None))));

        Assert.All(recorded, v => Assert.Equal(1, v.Number));
        Assert.Single(await sut.ListAsync(sku, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_SkuWithKeyForbiddenCharacters_RoundTrips()
    {
        var sut = await TestProducts.VersionStoreAsync(_time);
        var sku = Sku.Parse($"ab/cd #1?~\\ {Guid.NewGuid():N}");

        await sut.RecordAsync(TestProducts.Product(sku), TestProducts.NewChangeId(), SourceSystem.Manual, ChangeDirection.Manual, "bob", CancellationToken.None);
        var listed = await sut.ListAsync(sku, CancellationToken.None);

        Assert.Equal(sku.Original, Assert.Single(listed).Sku.Original);
    }

    [Fact]
    public async Task ListAsync_UnknownSku_ReturnsEmpty()
    {
        var sut = await TestProducts.VersionStoreAsync(_time);

        var listed = await sut.ListAsync(TestProducts.NewSku(), CancellationToken.None);

        Assert.Empty(listed);
    }

    [Fact]
    public async Task RecordAsync_PartitionWrittenBeforeItsLatestRow_NumbersAfterItsNewestVersion()
    {
        // Arrange: versions 1 and 2 as stores before the latest row wrote them.
        var sut = await TestProducts.VersionStoreAsync(_time);
        var sku = TestProducts.NewSku();
        var table = await (await TestProducts.StorageAsync()).GetTableAsync(ProductVersionStore.TableName);
        ProductVersion? previous = null;
        foreach (var price in new[] { 10m, 11m })
        {
            var version = ProductVersion.After(previous, TestProducts.Product(sku, price: price), SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-0", TestProducts.Start)
                with { ChangeId = TestProducts.NewChangeId() };
            await table.AddEntityAsync(ProductVersionEntity.ToEntity(version));
            await table.AddEntityAsync(ProductVersionEntity.ToChangeEntity(version, version.ChangeId!));
            previous = version;
        }

        // Act
        var third = await sut.RecordAsync(TestProducts.Product(sku, price: 12m), TestProducts.NewChangeId(), SourceSystem.Manual, ChangeDirection.Manual, "ann", CancellationToken.None);
        var fourth = await sut.RecordAsync(TestProducts.Product(sku, price: 13m), TestProducts.NewChangeId(), SourceSystem.Manual, ChangeDirection.Manual, "ann", CancellationToken.None);

        // Assert
        Assert.Equal((3, 4), (third.Number, fourth.Number));
        Assert.Equal(["price"], third.ChangedFields);
        Assert.Equal([4, 3, 2, 1], (await sut.ListAsync(sku, CancellationToken.None)).Select(v => v.Number));
    }

    private static async Task<List<string>> PartitionRowsAsync(Sku sku)
    {
        var table = await (await TestProducts.StorageAsync()).GetTableAsync(ProductVersionStore.TableName);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {sku.Normalized}")))
        {
            rows.Add($"{row.RowKey} {row.ETag}");
        }

        return rows;
    }
}

using System.IO.Compression;
using System.Text.Json;
using CowansSync.Functions.Shopify;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>Store snapshots against the sandbox (200 products, its own Azurite): equal to ShopifyCatalog, repeatable, failures named.</summary>
public sealed class ShopifyStoreSnapshotsTests(ShopifySandboxFixture fixture) : IClassFixture<ShopifySandboxFixture>, IDisposable
{
    private static readonly string[] s_inStore = ["in_all", "shopify_only"];
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _downloads = new();

    [Fact]
    public async Task FindAsync_EveryStoreSkuOfACompletedSnapshot_EqualsCatalogFindAsync()
    {
        // Arrange
        var storeSkus = await StoreSkusAsync();
        var skus = storeSkus.Concat([$" {storeSkus[0].ToLowerInvariant()} ", "NOPE-1"]).ToList();
        var sut = CreateSnapshots();
        var snapshotId = NewSnapshotId();
        await LoadAsync(sut, snapshotId);

        // Act
        var found = await sut.FindAsync(snapshotId, skus, [], CancellationToken.None);

        // Assert
        var expected = await fixture.CreateCatalog().FindAsync(skus, [], CancellationToken.None);
        Assert.Equal(storeSkus.Count, found.Count);
        Assert.Equal(ByJson(expected), ByJson(found));
    }

    [Fact]
    public async Task FindAsync_BarcodesOfACompletedSnapshot_EqualsCatalogFindAsync()
    {
        // Arrange: store barcodes as given, padded, and as another spelling of the same GTIN (which an exact match refuses).
        var storeProducts = await fixture.CreateCatalog().FindAsync(await StoreSkusAsync(), [], CancellationToken.None);
        var upcs = storeProducts.Select(product => product.Upc).OfType<string>().ToList();
        var barcodes = upcs.Skip(2).Concat([$" {upcs[0]} ", $"0{upcs[1]}", "000000000000", "not-a-gtin"]).ToList();
        var skus = new[] { storeProducts[^1].Sku.Original };
        var sut = CreateSnapshots();
        var snapshotId = NewSnapshotId();
        await LoadAsync(sut, snapshotId);

        // Act
        var found = await sut.FindAsync(snapshotId, skus, barcodes, CancellationToken.None);

        // Assert
        var expected = await fixture.CreateCatalog().FindAsync(skus, barcodes, CancellationToken.None);
        Assert.True(found.Count >= upcs.Count - 1, $"found {found.Count} of {upcs.Count} barcodes");
        Assert.DoesNotContain(found, product => product.Upc == upcs[1]);
        Assert.Equal(ByJson(expected), ByJson(found));
    }

    [Fact]
    public async Task TryCompleteAsync_Twice_LeavesTheSameSnapshot()
    {
        // Arrange
        var storeSkus = await StoreSkusAsync();
        var sut = CreateSnapshots();
        var snapshotId = NewSnapshotId();
        var exportId = await LoadAsync(sut, snapshotId);
        var first = await LinesAsync(snapshotId);

        // Act
        var completed = await sut.TryCompleteAsync(snapshotId, exportId, CancellationToken.None);

        // Assert
        Assert.True(completed);
        Assert.Equal(first, await LinesAsync(snapshotId));
        Assert.Equal(storeSkus.Count, first.Count);
    }

    [Fact]
    public async Task FindAsync_ManyBatchesOfOneSnapshot_ReadItsBlobOnce()
    {
        // Arrange
        var storeSkus = await StoreSkusAsync();
        var sut = CreateSnapshots();
        var snapshotId = NewSnapshotId();
        await LoadAsync(sut, snapshotId);
        await sut.FindAsync(snapshotId, storeSkus.Take(1).ToList(), [], CancellationToken.None);
        var blob = (await Storage().GetBlobContainerAsync(ShopifyStoreSnapshots.ContainerName)).GetBlobClient(ShopifyStoreSnapshots.BlobNameOf(snapshotId));
        await blob.DeleteAsync();

        // Act: the blob is gone, so only the copy in memory can answer.
        var found = await Task.WhenAll(storeSkus.Chunk(10).Select(batch => sut.FindAsync(snapshotId, batch, [], CancellationToken.None)));

        // Assert
        Assert.Equal(storeSkus.Order(StringComparer.Ordinal), found.SelectMany(batch => batch).Select(product => product.Sku.Original).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindAsync_UnknownSkusAndBarcodes_FindsNothing()
    {
        // Arrange
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        var absent = truth.EnumerateObject().Where(sku => !s_inStore.Contains(sku.Value.GetProperty("partition").GetString())).ToList();
        var barcodes = absent.Select(sku => sku.Value.GetProperty("etilize").GetProperty("upc").GetString()!).ToList();
        var sut = CreateSnapshots();
        var snapshotId = NewSnapshotId();
        await LoadAsync(sut, snapshotId);

        // Act
        var found = await sut.FindAsync(snapshotId, [.. absent.Select(sku => sku.Name), "NOPE-1", "a/b#c?"], [.. barcodes, "000000000000"], CancellationToken.None);
        var unloaded = await sut.FindAsync(NewSnapshotId(), await StoreSkusAsync(), barcodes, CancellationToken.None);

        // Assert
        Assert.NotEmpty(absent);
        Assert.Empty(found);
        Assert.Empty(unloaded);
    }

    [Fact]
    public async Task TryCompleteAsync_FailedExport_ThrowsInvalidOperationNamingStatusAndErrorCode()
    {
        // Arrange: a required variable a bulk query never gets makes the simulator's run fail.
        var sut = CreateSnapshots("query Failing($after: String!) { products(after: $after) { edges { node { id } } } }");
        var snapshotId = NewSnapshotId();
        var exportId = await sut.StartAsync(snapshotId, CancellationToken.None);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PollAsync(sut, snapshotId, exportId));

        // Assert
        Assert.Contains("Failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("INTERNAL_SERVER_ERROR", error.Message, StringComparison.Ordinal);
        Assert.Contains(exportId, error.Message, StringComparison.Ordinal);
        Assert.False(await (await Storage().GetBlobContainerAsync(ShopifyStoreSnapshots.ContainerName)).GetBlobClient(ShopifyStoreSnapshots.BlobNameOf(snapshotId)).ExistsAsync());
    }

    public void Dispose() => _downloads.Dispose();

    private ShopifyStoreSnapshots CreateSnapshots(string? exportQuery = null)
    {
        var export = exportQuery is null
            ? new ShopifyBulkExport(fixture.Client, _downloads, NullLogger<ShopifyBulkExport>.Instance)
            : new ShopifyBulkExport(fixture.Client, _downloads, NullLogger<ShopifyBulkExport>.Instance, exportQuery);
        return new ShopifyStoreSnapshots(export, Storage(), NullLogger<ShopifyStoreSnapshots>.Instance);
    }

    private StorageClients Storage() => StorageClients.FromConnectionString(fixture.StorageConnectionString);

    private static async Task<string> LoadAsync(ShopifyStoreSnapshots sut, string snapshotId)
    {
        var exportId = await sut.StartAsync(snapshotId, CancellationToken.None);
        await PollAsync(sut, snapshotId, exportId);
        return exportId;
    }

    private static async Task PollAsync(ShopifyStoreSnapshots sut, string snapshotId, string exportId)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        while (!await sut.TryCompleteAsync(snapshotId, exportId, timeout.Token))
        {
            await Task.Delay(s_poll, timeout.Token);
        }
    }

    private async Task<List<string>> LinesAsync(string snapshotId)
    {
        var container = await Storage().GetBlobContainerAsync(ShopifyStoreSnapshots.ContainerName);
        await using var file = await container.GetBlobClient(ShopifyStoreSnapshots.BlobNameOf(snapshotId)).OpenReadAsync();
        using var lines = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        return [.. (await lines.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private async Task<List<string>> StoreSkusAsync()
    {
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        return [.. truth.EnumerateObject().Where(sku => s_inStore.Contains(sku.Value.GetProperty("partition").GetString())).Select(sku => sku.Name)];
    }

    private static string NewSnapshotId() => $"run-{Guid.NewGuid():N}";

    private static List<string> ByJson(IEnumerable<Product> products) =>
        [.. products.Select(product => JsonSerializer.Serialize(product, DomainJson.Options)).Order(StringComparer.Ordinal)];
}

using CowansSync.Functions.Storage.Blobs;

namespace CowansSync.Functions.Tests.Storage.Blobs;

public sealed class BlobContainerClientTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_Succeeds()
    {
        var sut = await AzuriteBlobs.CreateContainerAsync();

        var again = await sut.CreateIfNotExistsAsync();

        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task GetBlobsAsync_PrefixAcrossPages_ListsExactlyTheMatchingBlobsInOrder()
    {
        var sut = await AzuriteBlobs.CreateContainerAsync();
        for (var i = 0; i < 30; i++)
        {
            await sut.GetBlobClient($"batches/run-1/{i:D3}.json").UploadAsync(BinaryData.FromString("{}"),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["index"] = $"{i}" } });
        }

        await sut.GetBlobClient("batches/run-2/000.json").UploadAsync(BinaryData.FromString("{}"));

        var pages = new List<int>();
        var names = new List<string>();
        await foreach (var page in sut.GetBlobsAsync("batches/run-1/").AsPages(pageSizeHint: 10))
        {
            pages.Add(page.Values.Count);
            names.AddRange(page.Values.Select(b => b.Name));
        }

        Assert.Equal([10, 10, 10], pages);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"batches/run-1/{i:D3}.json"), names);
        var first = await sut.GetBlobsAsync("batches/run-1/000").FirstAsync();
        Assert.Equal("0", first.Metadata["index"]);
        Assert.Equal(2, first.Properties.ContentLength);
    }

    [Fact]
    public async Task DeleteIfExistsAsync_ReportsWhetherDeleted()
    {
        var sut = await AzuriteBlobs.CreateContainerAsync();

        Assert.True((await sut.DeleteIfExistsAsync()).Value);
        Assert.False((await sut.DeleteIfExistsAsync()).Value);
    }
}

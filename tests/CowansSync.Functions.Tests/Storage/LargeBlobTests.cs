using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using CowansSync.Functions.Storage;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>Runs alone, so other tests' allocations do not blur the heap measurement.</summary>
[CollectionDefinition(nameof(LargeBlobTests), DisableParallelization = true)]
public sealed class RunsAlone;

[Collection(nameof(LargeBlobTests))]
public sealed class LargeBlobTests
{
    private const long BlobBytes = 100L * 1024 * 1024;
    private const long HeapBoundBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task UploadAndDownload_100MiB_KeepsManagedHeapBounded()
    {
        var sut = (await AzuriteStorage.CreateContainerAsync()).GetBlobClient("large.bin");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new CancellationTokenSource();
        var peak = baseline;
        var sampling = Task.Run(async () =>
        {
            while (!sampler.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5, CancellationToken.None);
            }
        });

        await using (var upload = await sut.OpenWriteAsync(overwrite: true, new BlobOpenWriteOptions { BufferSize = StorageClients.UploadBlockBytes }))
        {
            await new PatternStream(BlobBytes).CopyToAsync(upload);
        }

        var download = (await sut.DownloadStreamingAsync()).Value;
        byte[] downloadedHash;
        await using (var content = download.Content)
        {
            downloadedHash = await SHA256.HashDataAsync(content);
        }

        await sampler.CancelAsync();
        await sampling;

        Assert.Equal(BlobBytes, download.Details.ContentLength);
        Assert.Equal(SHA256.HashData(new PatternStream(BlobBytes)), downloadedHash);
        Assert.True(peak - baseline < HeapBoundBytes, $"managed heap grew by {(peak - baseline) / (1024 * 1024)} MiB moving a {BlobBytes / (1024 * 1024)} MiB blob");
    }
}

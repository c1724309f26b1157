using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using CowansSync.Functions.Storage;
using CowansSync.Testing;

namespace CowansSync.Benchmarks.Blobs;

/// <summary>
/// Uploads a large generated blob to Azurite with Azure.Storage.Blobs, as the app streams drops (block by block), and streams it back, reporting MiB/s and this
/// process's peak memory for each direction: the floor for claim-check payloads and Etilize drops.
/// </summary>
internal static class BlobTransferBenchmark
{
    private const double Mebibyte = 1024 * 1024;

    public static async Task<int> RunAsync(int mebibytes, TextWriter output)
    {
        var bytes = mebibytes * 1024L * 1024;
        var azurite = await AzuriteServer.Shared;
        var container = await StorageClients.FromConnectionString(azurite.ConnectionString).GetBlobContainerAsync(AzuriteServer.UniqueName("bench"));
        var blob = container.GetBlobClient("large.bin");
        var expectedHash = SHA256.HashData(new PatternStream(bytes));

        TimeSpan uploadTime;
        var uploadMemory = PeakMemory.Start();
        await using (uploadMemory)
        {
            var stopwatch = Stopwatch.StartNew();
            await using (var upload = await blob.OpenWriteAsync(overwrite: true, new BlobOpenWriteOptions { BufferSize = StorageClients.UploadBlockBytes }))
            {
                await new PatternStream(bytes).CopyToAsync(upload);
            }

            uploadTime = stopwatch.Elapsed;
        }

        TimeSpan downloadTime;
        byte[] downloadedHash;
        var downloadMemory = PeakMemory.Start();
        await using (downloadMemory)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var content = (await blob.DownloadStreamingAsync()).Value.Content;
            downloadedHash = await SHA256.HashDataAsync(content);
            downloadTime = stopwatch.Elapsed;
        }

        Report(output, "upload", bytes, uploadTime, uploadMemory);
        Report(output, "download", bytes, downloadTime, downloadMemory);
        var identical = downloadedHash.AsSpan().SequenceEqual(expectedHash);
        output.WriteLine($"content {(identical ? "identical" : "DIFFERENT")} (SHA-256)");
        return identical ? 0 : 1;
    }

    private static void Report(TextWriter output, string direction, long bytes, TimeSpan elapsed, PeakMemory memory) =>
        output.WriteLine($"SDK blob {direction,-8} {bytes / Mebibyte:N0} MiB in {elapsed.TotalSeconds:F2} s = {bytes / Mebibyte / elapsed.TotalSeconds:N1} MiB/s; " +
            $"peak managed heap +{(memory.PeakManagedBytes - memory.BaselineManagedBytes) / Mebibyte:N0} MiB, " +
            $"peak working set {memory.PeakWorkingSetBytes / Mebibyte:N0} MiB (baseline {memory.BaselineWorkingSetBytes / Mebibyte:N0} MiB)");
}

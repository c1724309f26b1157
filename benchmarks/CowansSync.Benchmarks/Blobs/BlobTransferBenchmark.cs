using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CowansSync.Testing;

namespace CowansSync.Benchmarks.Blobs;

/// <summary>
/// Uploads a large generated blob to Azurite with Azure.Storage.Blobs and streams it back, reporting MiB/s and this
/// process's peak memory for each direction: the floor for claim-check payloads and Etilize drops.
/// </summary>
internal static class BlobTransferBenchmark
{
    private const double Mebibyte = 1024 * 1024;

    public static async Task<int> RunAsync(int mebibytes, TextWriter output)
    {
        var bytes = mebibytes * 1024L * 1024;
        var azurite = await AzuriteServer.Shared;
        // Azurite 3.35–3.37 refuses the SDK's default service version (ENVIRONMENT: pin 2025-11-05).
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteServer.UniqueName("bench"), options);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient("large.bin");
        var expectedHash = SHA256.HashData(new PatternStream(bytes));

        TimeSpan uploadTime;
        var uploadMemory = PeakMemory.Start();
        await using (uploadMemory)
        {
            var stopwatch = Stopwatch.StartNew();
            await blob.UploadAsync(new PatternStream(bytes), new BlobUploadOptions { TransferOptions = Transfer });
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

    /// <summary>8 MiB blocks, as the app uploads drops: a bounded buffer per block, a few blocks in flight.</summary>
    public static StorageTransferOptions Transfer { get; } = new()
    {
        InitialTransferSize = 8 * 1024 * 1024,
        MaximumTransferSize = 8 * 1024 * 1024,
        MaximumConcurrency = 2,
    };

    private static void Report(TextWriter output, string direction, long bytes, TimeSpan elapsed, PeakMemory memory) =>
        output.WriteLine($"SDK blob {direction,-8} {bytes / Mebibyte:N0} MiB in {elapsed.TotalSeconds:F2} s = {bytes / Mebibyte / elapsed.TotalSeconds:N1} MiB/s; " +
            $"peak managed heap +{(memory.PeakManagedBytes - memory.BaselineManagedBytes) / Mebibyte:N0} MiB, " +
            $"peak working set {memory.PeakWorkingSetBytes / Mebibyte:N0} MiB (baseline {memory.BaselineWorkingSetBytes / Mebibyte:N0} MiB)");
}

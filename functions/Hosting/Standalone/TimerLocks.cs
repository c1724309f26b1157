using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Makes each timer occurrence run on one standalone instance only: a blob per timer
/// (<c>runtime-locks/timers/&lt;Name&gt;</c>) holds the instant up to which occurrences have been claimed; an instance
/// claims an occurrence by leasing the blob and, under the lease, finding it not yet covered and recording it. The
/// record doubles as the host's schedule monitor: it tells a starting instance whether an occurrence was missed.
/// </summary>
internal sealed partial class TimerLocks(StorageClients storage, TimeProvider timeProvider, ILogger<TimerLocks> logger)
{
    /// <summary>The container of the lock blobs.</summary>
    public const string ContainerName = "runtime-locks";

    /// <summary>The instant up to which occurrences of <paramref name="functionName"/> have been claimed.</summary>
    /// <returns>The instant, or <see langword="null"/> when the timer never ran.</returns>
    public async Task<DateTimeOffset?> GetCoveredThroughAsync(string functionName, CancellationToken cancellationToken)
    {
        var blob = await GetBlobAsync(functionName, cancellationToken);
        try
        {
            return Parse((await blob.DownloadContentAsync(cancellationToken)).Value.Content);
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Claims <paramref name="occurrence"/> of <paramref name="functionName"/> and records every occurrence up to
    /// <paramref name="coversThrough"/> as claimed (a past-due or start-up run stands in for the ones before it).
    /// </summary>
    /// <returns>The claim to hold while running, or <see langword="null"/> when another instance has or had it.</returns>
    public async Task<TimerClaim?> TryClaimAsync(string functionName, DateTimeOffset occurrence, DateTimeOffset coversThrough, CancellationToken cancellationToken)
    {
        var blob = await GetBlobAsync(functionName, cancellationToken);
        await EnsureExistsAsync(blob, functionName, cancellationToken);
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(TimerClaim.LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            LogHeldElsewhere(functionName, occurrence);
            return null;
        }

        var claim = new TimerClaim(lease, timeProvider);
        try
        {
            claim.Previous = Parse((await blob.DownloadContentAsync(cancellationToken)).Value.Content);
            if (claim.Previous >= occurrence)
            {
                LogAlreadyRun(functionName, occurrence);
                await claim.DisposeAsync();
                return null;
            }

            await blob.UploadAsync(BinaryData.FromString(coversThrough.ToString("O", CultureInfo.InvariantCulture)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId }, HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } }, cancellationToken);
            return claim;
        }
        catch
        {
            await claim.DisposeAsync();
            throw;
        }
    }

    private async Task<BlobClient> GetBlobAsync(string functionName, CancellationToken cancellationToken) =>
        (await storage.GetBlobContainerAsync(ContainerName, cancellationToken)).GetBlobClient($"timers/{functionName}");

    private static DateTimeOffset? Parse(BinaryData content) =>
        DateTimeOffset.TryParse(content.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) ? instant : null;

    private async Task EnsureExistsAsync(BlobClient blob, string functionName, CancellationToken cancellationToken)
    {
        if (await blob.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await blob.UploadAsync(BinaryData.FromString(string.Empty),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status is 409 or 412)
        {
            LogCreatedElsewhere(functionName);
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Timer {FunctionName}: occurrence {Occurrence:O} is being run by another instance")]
    private partial void LogHeldElsewhere(string functionName, DateTimeOffset occurrence);

    [LoggerMessage(2, LogLevel.Debug, "Timer {FunctionName}: occurrence {Occurrence:O} already ran on another instance")]
    private partial void LogAlreadyRun(string functionName, DateTimeOffset occurrence);

    [LoggerMessage(3, LogLevel.Debug, "Timer {FunctionName}: the lock blob was created by another instance")]
    private partial void LogCreatedElsewhere(string functionName);
}

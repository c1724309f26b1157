using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Makes each timer occurrence run on one standalone instance only: a blob per timer
/// (<c>runtime-locks/timers/&lt;Name&gt;</c>) holds the last claimed occurrence; an instance claims an occurrence by
/// leasing the blob and, under the lease, finding it not yet claimed and recording it.
/// </summary>
internal sealed partial class TimerLocks(StorageClients storage, TimeProvider timeProvider, ILogger<TimerLocks> logger)
{
    /// <summary>The container of the lock blobs.</summary>
    public const string ContainerName = "runtime-locks";

    /// <summary>Claims <paramref name="occurrence"/> of <paramref name="functionName"/>.</summary>
    /// <returns>The claim to hold while running, or <see langword="null"/> when another instance has or had it.</returns>
    public async Task<TimerClaim?> TryClaimAsync(string functionName, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var container = await storage.GetBlobContainerAsync(ContainerName, cancellationToken);
        var blob = container.GetBlobClient($"timers/{functionName}");
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
            var content = (await blob.DownloadContentAsync(cancellationToken)).Value.ToString();
            if (DateTimeOffset.TryParse(content, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var lastClaimed) && lastClaimed >= occurrence)
            {
                LogAlreadyRun(functionName, occurrence);
                await claim.DisposeAsync();
                return null;
            }

            await blob.UploadAsync(BinaryData.FromString(occurrence.ToString("O", CultureInfo.InvariantCulture)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId }, HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } }, cancellationToken);
            return claim;
        }
        catch
        {
            await claim.DisposeAsync();
            throw;
        }
    }

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

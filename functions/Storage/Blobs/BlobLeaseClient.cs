using System.Globalization;
using Azure;
using Azure.Core;

namespace CowansSync.Functions.Storage.Blobs;

/// <summary>
/// A lease on one blob: while held, only the holder may write or delete it, and nobody else can acquire it.
/// Used for singletons (one timer occurrence, one poller per partition).
/// </summary>
public class BlobLeaseClient
{
    /// <summary>A lease that lasts until released or broken.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly BlobClient _blob;

    /// <summary>Creates a lease client for <paramref name="blob"/>.</summary>
    /// <param name="blob">The blob.</param>
    /// <param name="leaseId">The lease id to propose on acquire, or to renew and release; a new GUID when <see langword="null"/>.</param>
    public BlobLeaseClient(BlobClient blob, string? leaseId = null)
    {
        ArgumentNullException.ThrowIfNull(blob);
        _blob = blob;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>For mocking only: every member is virtual.</summary>
    protected BlobLeaseClient()
    {
        _blob = null!;
        LeaseId = null!;
    }

    /// <summary>The lease id this client acquires, renews and releases.</summary>
    public virtual string LeaseId { get; }

    /// <summary>Acquires the lease for <paramref name="duration"/> (15–60 s, or <see cref="InfiniteLeaseDuration"/>).</summary>
    /// <param name="duration">How long the lease lasts unless renewed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not 15–60 s or infinite.</exception>
    /// <exception cref="RequestFailedException">409 <c>LeaseAlreadyPresent</c> when another holder has it; 404 when the blob does not exist.</exception>
    public virtual async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (duration != InfiniteLeaseDuration && (duration < TimeSpan.FromSeconds(15) || duration > TimeSpan.FromSeconds(60)))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds, or is infinite.");
        }

        return await SendAsync("acquire", request =>
        {
            request.Headers.SetValue("x-ms-lease-duration", ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renews the held lease for its full duration.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="RequestFailedException">409 when the lease was lost to another holder.</exception>
    public virtual Task<Response<BlobLease>> RenewAsync(CancellationToken cancellationToken = default) =>
        SendAsync("renew", request => request.Headers.SetValue("x-ms-lease-id", LeaseId), cancellationToken);

    /// <summary>Releases the held lease so another holder may acquire it at once.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The blob's version.</returns>
    /// <exception cref="RequestFailedException">409 when the lease is not this client's.</exception>
    public virtual Task<Response<BlobLease>> ReleaseAsync(CancellationToken cancellationToken = default) =>
        SendAsync("release", request => request.Headers.SetValue("x-ms-lease-id", LeaseId), cancellationToken);

    /// <summary>Ends whoever's lease, at once or after <paramref name="breakPeriod"/>; for recovering from a lost holder.</summary>
    /// <param name="breakPeriod">How long the current lease may still last (0–60 s); the rest of it when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The blob's version.</returns>
    /// <exception cref="RequestFailedException">409 when there is no lease to break.</exception>
    public virtual Task<Response<BlobLease>> BreakAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default) =>
        SendAsync("break", request =>
        {
            if (breakPeriod is { } period)
            {
                request.Headers.SetValue("x-ms-lease-break-period", ((long)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }
        }, cancellationToken);

    private async Task<Response<BlobLease>> SendAsync(string action, Action<Request> configure, CancellationToken cancellationToken)
    {
        var response = await _blob.SendLeaseRequestAsync(request =>
        {
            request.Headers.SetValue("x-ms-lease-action", action);
            configure(request);
        }, cancellationToken).ConfigureAwait(false);
        var leaseId = BlobHeaders.Header(response, "x-ms-lease-id") ?? LeaseId;
        return Response.FromValue(new BlobLease(leaseId, BlobHeaders.ReadETag(response), BlobHeaders.ReadLastModified(response)), response);
    }
}

using Azure;
using Azure.Storage.Blobs.Specialized;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// The right to run one timer occurrence: a lease on the timer's lock blob, renewed while the run lasts so no other
/// instance starts the timer meanwhile, and released when disposed.
/// </summary>
internal sealed class TimerClaim : IAsyncDisposable
{
    /// <summary>The lease duration; renewed at a third of it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private readonly BlobLeaseClient _lease;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public TimerClaim(BlobLeaseClient lease, TimeProvider timeProvider)
    {
        _lease = lease;
        _timeProvider = timeProvider;
        _renewing = RenewAsync(_stop.Token);
    }

    /// <summary>
    /// The instant up to which occurrences were claimed before this claim (<see langword="null"/> on the first), as
    /// <see cref="TimerLocks"/> read it under the lease.
    /// </summary>
    public DateTimeOffset? Previous { get; set; }

    /// <summary>Stops renewing and releases the lease; a release that fails lets the lease expire on its own.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        try
        {
            await _lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // The lease expires within LeaseDuration; the next occurrence is not due before then in practice.
            return;
        }
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, _timeProvider, stop);
                await _lease.RenewAsync(cancellationToken: stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the run finished.
            return;
        }
        catch (RequestFailedException)
        {
            // Lost the lease (storage unreachable for a minute): the run goes on; another instance may start the next occurrence.
            return;
        }
    }
}

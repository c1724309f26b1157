namespace CowansSync.Functions.Shopify;

/// <summary>
/// The client's view of Shopify's leaky bucket: the last <c>throttleStatus</c> seen, refilled at its restore
/// rate, minus what requests still in flight have reserved. A request waits here until the bucket should hold
/// its expected cost, so pacing happens before Shopify has to throttle.
/// </summary>
/// <remarks>
/// Until the first response the bucket is assumed to be Shopify's smallest (1,000 points, 50 per second),
/// so a cold start can only be too slow, never throttled. Responses can arrive out of order: a status older than
/// one already taken would forget what was charged in between, so only the newest request's status is taken.
/// </remarks>
internal sealed class ShopifyCostBucket(TimeProvider timeProvider)
{
    // Waiting in short steps lets a refund reported by another response end the wait early.
    private static readonly TimeSpan s_longestWaitStep = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_shortestWaitStep = TimeSpan.FromMilliseconds(10);

    private readonly Lock _lock = new();
    private double _maximum = 1000;
    private double _restoreRate = 50;
    private double _available = 1000;
    private DateTimeOffset _availableAt = timeProvider.GetUtcNow();
    private double _inFlight;
    private long _lastSent;
    private long _lastObserved;

    /// <summary>Waits until the bucket should hold <paramref name="cost"/> points, then reserves them.</summary>
    /// <param name="cost">The request's expected (requested) cost.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The reservation; pass it to <see cref="Observe"/> or <see cref="Release"/>.</returns>
    public async ValueTask<ShopifyCostReservation> ReserveAsync(double cost, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var available = AvailableNow();
                // A cost above the bucket's size never fits; sending it with a full bucket is the best there is.
                var needed = Math.Min(cost, _maximum);
                if (available >= needed)
                {
                    _available = available - cost;
                    _availableAt = timeProvider.GetUtcNow();
                    _inFlight += cost;
                    return new ShopifyCostReservation(cost, ++_lastSent);
                }

                wait = TimeSpan.FromSeconds((needed - available) / Math.Max(_restoreRate, 1));
            }

            wait = wait < s_shortestWaitStep ? s_shortestWaitStep : wait > s_longestWaitStep ? s_longestWaitStep : wait;
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes Shopify's report of the bucket after the request that made <paramref name="reserved"/>.</summary>
    /// <param name="status">The response's <c>throttleStatus</c>.</param>
    /// <param name="reserved">What <see cref="ReserveAsync"/> returned for that request.</param>
    public void Observe(ThrottleStatus status, ShopifyCostReservation reserved)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - reserved.Cost);
            if (reserved.Sequence < _lastObserved)
            {
                // A later request's status is already taken and counted this one's charge, in full, as in flight.
                return;
            }

            _lastObserved = reserved.Sequence;
            _maximum = status.MaximumAvailable;
            _restoreRate = status.RestoreRate;
            // Shopify's figure already includes this request; requests still in flight will be charged after it.
            _available = status.CurrentlyAvailable - _inFlight;
            _availableAt = timeProvider.GetUtcNow();
        }
    }

    /// <summary>Gives back a reservation whose request got no cost report (it failed before Shopify charged it).</summary>
    /// <param name="reserved">What <see cref="ReserveAsync"/> returned for that request.</param>
    public void Release(ShopifyCostReservation reserved)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - reserved.Cost);
            _available = Math.Min(_maximum, AvailableNow() + reserved.Cost);
            _availableAt = timeProvider.GetUtcNow();
        }
    }

    private double AvailableNow() =>
        Math.Min(_maximum, _available + ((timeProvider.GetUtcNow() - _availableAt).TotalSeconds * _restoreRate));
}

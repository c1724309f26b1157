using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records the instant each timer it creates is first due, so a test can
/// wait until every scheduler is waiting for an occurrence before it moves the clock.
/// </summary>
/// <param name="start">The clock's first instant.</param>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<DateTimeOffset> _dueTimes = new();

    /// <summary>The instants timers were created for, in creation order (periodic timers count once).</summary>
    public IReadOnlyCollection<DateTimeOffset> RequestedDueTimes => _dueTimes;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _dueTimes.Enqueue(GetUtcNow() + dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}

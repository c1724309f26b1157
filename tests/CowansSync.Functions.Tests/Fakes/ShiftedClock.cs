namespace CowansSync.Functions.Tests.Fakes;

/// <summary>
/// The system clock moved by an offset the test sets: "now" is where a test wants it (just before a schedule's
/// occurrence), while timers and delays still take real time, so the whole app runs on it unchanged.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Moves now to <paramref name="lead"/> before the next whole minute at least that far off.</summary>
    /// <param name="lead">How long until that minute.</param>
    /// <returns>That minute.</returns>
    public DateTimeOffset ShiftToBeforeNextMinute(TimeSpan lead)
    {
        var now = System.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        Interlocked.Exchange(ref _offsetTicks, (minute - lead - now).Ticks);
        return minute;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}

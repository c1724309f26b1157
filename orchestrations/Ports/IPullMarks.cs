namespace CowansSync.Orchestrations.Ports;

/// <summary>The high-water mark of pulls: the latest store <c>updatedAt</c> a successful pull covered, where the next incremental pull starts.</summary>
public interface IPullMarks
{
    /// <summary>The mark, or <see langword="null"/> before the first successful pull.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The mark.</returns>
    Task<DateTimeOffset?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Moves the mark forward to <paramref name="mark"/>; an earlier mark than the stored one changes nothing.</summary>
    /// <param name="mark">The latest <c>updatedAt</c> the pull covered.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The mark stored after the call.</returns>
    Task<DateTimeOffset> AdvanceAsync(DateTimeOffset mark, CancellationToken cancellationToken);
}

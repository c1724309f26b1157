namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>
/// The state machine of a staged change:
/// <c>pending → approved | rejected</c>, <c>rejected → pending</c> (reopened), <c>approved → applying → applied | failed</c>,
/// <c>failed → applying</c> (a retry), <c>applied → rolled_back</c>.
/// </summary>
/// <remarks>
/// Stores make each move conditional on the state it leaves (ETag), so of two reviewers acting on the
/// same pending change only one wins; the loser re-reads and gets this refusal.
/// </remarks>
public static class ChangeLifecycle
{
    private static readonly Dictionary<ChangeStatus, (ChangeStatus[] From, string Rule)> Moves = new()
    {
        [ChangeStatus.Approved] = ([ChangeStatus.Pending], "Only pending changes can be approved"),
        [ChangeStatus.Rejected] = ([ChangeStatus.Pending], "Only pending changes can be rejected"),
        [ChangeStatus.Applying] = ([ChangeStatus.Approved, ChangeStatus.Failed], "Only approved (or failed, to retry) changes can be applied"),
        [ChangeStatus.Applied] = ([ChangeStatus.Applying], "Only a change being applied can become applied"),
        [ChangeStatus.Failed] = ([ChangeStatus.Applying], "Only a change being applied can fail"),
        [ChangeStatus.RolledBack] = ([ChangeStatus.Applied], "Only applied changes can be rolled back"),
        [ChangeStatus.Pending] = ([ChangeStatus.Rejected, ChangeStatus.Approved], "Only rejected changes, or approved ones not yet pushed, can be reopened"),
    };

    /// <summary>Whether a change may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The wanted status.</param>
    /// <returns><see langword="true"/> for a legal move.</returns>
    public static bool CanTransition(ChangeStatus from, ChangeStatus to) => Moves[to].From.Contains(from);

    /// <summary>Why the move is refused, in words fit for a 409 answer.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The wanted status.</param>
    /// <returns><see langword="null"/> when the move is legal; otherwise e.g. "Only pending changes can be approved; this change is applied."</returns>
    public static string? RefusalOf(ChangeStatus from, ChangeStatus to)
        => CanTransition(from, to) ? null : $"{Moves[to].Rule}; this change is {WireName.Of(from)}.";
}

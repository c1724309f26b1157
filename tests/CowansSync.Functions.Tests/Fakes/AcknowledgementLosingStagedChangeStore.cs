using System.Collections.Concurrent;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Fakes;

/// <summary>
/// Fault injection: the first time each batch of changes is staged, the write lands but its acknowledgement is lost
/// (the call throws after it), so the activity fails after doing its work and runs again, as at-least-once delivery may.
/// </summary>
/// <param name="inner">The real store.</param>
public sealed class AcknowledgementLosingStagedChangeStore(IStagedChangeStore inner) : IStagedChangeStore
{
    private readonly ConcurrentDictionary<string, bool> _lost = new(StringComparer.Ordinal);

    /// <summary>How many acknowledgements were lost.</summary>
    public int LostCount => _lost.Count;

    /// <inheritdoc />
    public async Task StageAsync(IReadOnlyList<StagedChange> changes, CancellationToken cancellationToken)
    {
        await inner.StageAsync(changes, cancellationToken);
        if (changes.Count > 0 && _lost.TryAdd(changes[0].ChangeId, true))
        {
            throw new TimeoutException($"Injected fault: the acknowledgement of staging {changes.Count} changes was lost.");
        }
    }

    /// <inheritdoc />
    public Task<StagedChange?> GetAsync(string changeId, CancellationToken cancellationToken) => inner.GetAsync(changeId, cancellationToken);

    /// <inheritdoc />
    public Task<StagedChangeTransition?> TryTransitionAsync(string changeId, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken) =>
        inner.TryTransitionAsync(changeId, move, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, StagedChange>> GetManyAsync(IReadOnlyList<string> changeIds, CancellationToken cancellationToken) =>
        inner.GetManyAsync(changeIds, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, StagedChange>> TransitionManyAsync(
        IReadOnlyList<StagedChange> changes, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken) =>
        inner.TransitionManyAsync(changes, move, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListIdsAsync(string runId, ChangeStatus status, CancellationToken cancellationToken) =>
        inner.ListIdsAsync(runId, status, cancellationToken);

    /// <inheritdoc />
    public Task<int> CountPendingAsync(string runId, CancellationToken cancellationToken) => inner.CountPendingAsync(runId, cancellationToken);
}

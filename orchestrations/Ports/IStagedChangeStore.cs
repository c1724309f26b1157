using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Where staged changes are kept.</summary>
public interface IStagedChangeStore
{
    /// <summary>
    /// Stores the changes, each only if no change with its id exists yet: staging the same batch again is harmless
    /// and never undoes a review that happened in between.
    /// </summary>
    /// <param name="changes">Changes of one run (one table partition), any number.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when every change is stored.</returns>
    Task StageAsync(IReadOnlyList<StagedChange> changes, CancellationToken cancellationToken);

    /// <summary>Reads a change by its id.</summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The change, or <see langword="null"/> when there is none.</returns>
    Task<StagedChange?> GetAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a change with a domain move (such as <see cref="StagedChange.StartApplying"/>), conditional on the version
    /// read: when another writer gets there first, the move is judged again against the latest state.
    /// </summary>
    /// <param name="changeId">The change id.</param>
    /// <param name="move">The domain move.</param>
    /// <param name="cancellationToken">Stops the move.</param>
    /// <returns>The stored transition (moved change or refusal), or <see langword="null"/> for an unknown change.</returns>
    Task<StagedChangeTransition?> TryTransitionAsync(string changeId, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken);

    /// <summary>Reads many changes by id: a batch's worth in a few reads.</summary>
    /// <param name="changeIds">The change ids, of any runs.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The changes found, by id; unknown ids are left out.</returns>
    Task<IReadOnlyDictionary<string, StagedChange>> GetManyAsync(IReadOnlyList<string> changeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Moves many changes with one domain move, each as <see cref="TryTransitionAsync"/> would — read again and moved from
    /// its latest state — a batch's worth in a few writes.
    /// </summary>
    /// <param name="changes">The changes, as read before (their ids and runs say where they are).</param>
    /// <param name="move">The domain move.</param>
    /// <param name="cancellationToken">Stops the moves; those done stay done.</param>
    /// <returns>Each change found as it now stands: moved, or as it was when its move was refused.</returns>
    Task<IReadOnlyDictionary<string, StagedChange>> TransitionManyAsync(
        IReadOnlyList<StagedChange> changes, Func<StagedChange, StagedChangeTransition> move, CancellationToken cancellationToken);

    /// <summary>The ids of a run's changes in a status.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="status">The status.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The change ids, newest first.</returns>
    Task<IReadOnlyList<string>> ListIdsAsync(string runId, ChangeStatus status, CancellationToken cancellationToken);

    /// <summary>How many of a run's changes still wait for a person.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>The number of pending changes.</returns>
    Task<int> CountPendingAsync(string runId, CancellationToken cancellationToken);
}

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

    /// <summary>How many of a run's changes still wait for a person.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the count.</param>
    /// <returns>The number of pending changes.</returns>
    Task<int> CountPendingAsync(string runId, CancellationToken cancellationToken);
}

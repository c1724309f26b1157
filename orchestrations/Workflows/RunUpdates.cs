using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>Read-modify-write of a run with optimistic concurrency: retried until it applies to the latest state.</summary>
public static class RunUpdates
{
    /// <summary>Applies <paramref name="change"/> to the latest state of the run, retrying when a concurrent update wins.</summary>
    /// <param name="store">The run store.</param>
    /// <param name="runId">The run.</param>
    /// <param name="change">Returns the new state, or <see langword="null"/> to leave the run as it is; called again on each retry.</param>
    /// <param name="cancellationToken">Stops the update.</param>
    /// <returns>The run after the update (or as found, when <paramref name="change"/> declined) and whether this call changed it.</returns>
    /// <exception cref="InvalidOperationException">The run does not exist.</exception>
    public static async Task<(WorkflowRun Run, bool Changed)> UpdateAsync(
        this IRunStore store, string runId, Func<WorkflowRun, WorkflowRun?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var current = await store.GetAsync(runId, cancellationToken)
                ?? throw new InvalidOperationException($"The run '{runId}' does not exist.");
            if (change(current) is not { } next)
            {
                return (current, false);
            }

            if (await store.TryReplaceAsync(next with { ETag = current.ETag }, cancellationToken) is { } stored)
            {
                return (stored, true);
            }
        }
    }
}

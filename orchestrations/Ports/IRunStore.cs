using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Ports;

/// <summary>Where workflow runs, their batch completion markers and their external events are kept.</summary>
public interface IRunStore
{
    /// <summary>Stores a new run unless one with its id exists.</summary>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns><see langword="true"/> when this call created it.</returns>
    Task<bool> TryCreateAsync(WorkflowRun run, CancellationToken cancellationToken);

    /// <summary>Reads a run, with its <see cref="WorkflowRun.ETag"/>.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The run, or <see langword="null"/> when unknown.</returns>
    Task<WorkflowRun?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Replaces a run if it has not changed since it was read (its <see cref="WorkflowRun.ETag"/>).</summary>
    /// <param name="run">The new state, carrying the ETag it was read at.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The stored run with its new ETag, or <see langword="null"/> when someone else changed it first.</returns>
    Task<WorkflowRun?> TryReplaceAsync(WorkflowRun run, CancellationToken cancellationToken);

    /// <summary>Every run, newest first, optionally of one kind and status.</summary>
    /// <param name="kind">Only this workflow, if given.</param>
    /// <param name="status">Only this status, if given.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The runs.</returns>
    Task<IReadOnlyList<WorkflowRun>> ListAsync(string? kind, RunStatus? status, CancellationToken cancellationToken);

    /// <summary>Writes a batch's completion marker unless it exists.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="completion">The marker.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns><see langword="true"/> when this call wrote it.</returns>
    Task<bool> TryAddBatchCompletionAsync(string runId, BatchCompletion completion, CancellationToken cancellationToken);

    /// <summary>Whether a batch's completion marker exists.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="batchIndex">The batch.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns><see langword="true"/> when the batch is done.</returns>
    Task<bool> IsBatchCompleteAsync(string runId, int batchIndex, CancellationToken cancellationToken);

    /// <summary>Every completion marker of a run.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The markers, by batch.</returns>
    Task<IReadOnlyList<BatchCompletion>> ListBatchCompletionsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Keeps an event unless one with its name and id exists.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="runEvent">The event.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns><see langword="true"/> when this call kept it (it is not a duplicate).</returns>
    Task<bool> TryAddEventAsync(string runId, RunEvent runEvent, CancellationToken cancellationToken);

    /// <summary>The events raised on a run, oldest first.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<RunEvent>> ListEventsAsync(string runId, CancellationToken cancellationToken);
}

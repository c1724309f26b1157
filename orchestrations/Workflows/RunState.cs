namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// A run's state for people, kept as its orchestration's custom status: what the API, the dashboard and the portal's
/// Durable Functions views show while it runs and after it ends. The orchestration's runtime status says whether it
/// is running, done, failed or terminated; this says how far it has come and what it is waiting for.
/// </summary>
/// <param name="Kind">The workflow, e.g. <c>etilize_import</c> (<see cref="RunKinds"/>).</param>
/// <param name="Phase">The workflow's step, e.g. <c>validate</c>.</param>
/// <param name="Status">The status as the workflow sees it: <see cref="RunStatus.Running"/>, <see cref="RunStatus.AwaitingApproval"/>,
/// or, once done, <see cref="RunStatus.Completed"/> or <see cref="RunStatus.CompletedWithErrors"/>.</param>
/// <param name="Progress">Items done out of items to do.</param>
/// <param name="Counters">The workflow's counters (for an import, its summary).</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="StartedAt">When the orchestration started (its first replay's time).</param>
/// <param name="EstimatedCompletion">When it should finish at the pace so far; <see langword="null"/> when unknown or done.</param>
/// <param name="Note">A short status for people, e.g. <c>overdue</c>.</param>
/// <param name="Errors">Item-level errors worth showing (bounded; the counters hold the totals).</param>
/// <param name="LastError">The error that troubled it, for people (never a stack trace).</param>
/// <param name="Lists">Items worth listing, by list name (e.g. <c>xorosoft_filtered</c>: the SKUs left out; bounded).</param>
public sealed record RunState(
    string Kind,
    string Phase,
    RunStatus Status,
    RunProgress Progress,
    IReadOnlyDictionary<string, long> Counters,
    string? CreatedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EstimatedCompletion = null,
    string? Note = null,
    IReadOnlyList<string>? Errors = null,
    string? LastError = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Lists = null)
{
    /// <summary>A counter's value, 0 when absent.</summary>
    /// <param name="name">The counter.</param>
    /// <returns>Its value.</returns>
    public long Counter(string name) => Counters.GetValueOrDefault(name);

    /// <summary>The state with new progress and the completion estimated from the pace since the start.</summary>
    /// <param name="progress">The progress now.</param>
    /// <param name="now">The orchestration's current time (<c>context.CurrentUtcDateTime</c>).</param>
    /// <returns>The new state.</returns>
    public RunState WithProgress(RunProgress progress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var left = progress.Total - progress.Processed;
        DateTimeOffset? estimate = progress.Processed > 0 && left > 0 ? now + ((now - StartedAt) / progress.Processed * left) : null;
        return this with { Progress = progress, EstimatedCompletion = estimate };
    }
}

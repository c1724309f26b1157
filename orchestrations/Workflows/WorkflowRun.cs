namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// One instance of a workflow (import, push, pull, …): its state, kept in one table row and changed only by
/// conditional updates (<see cref="ETag"/>), so concurrent steps never lose each other's writes.
/// </summary>
public sealed record WorkflowRun
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The workflow, e.g. <c>etilize_import</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The lifecycle state.</summary>
    public RunStatus Status { get; init; } = RunStatus.Pending;

    /// <summary>The workflow's own step name, e.g. <c>split</c>, <c>validate</c>, <c>finish</c>.</summary>
    public required string Phase { get; init; }

    /// <summary>How far it has come.</summary>
    public RunProgress Progress { get; init; } = RunProgress.None;

    /// <summary>Counters set once by the step that fans out (e.g. rows read), before any batch adds to them.</summary>
    public IReadOnlyDictionary<string, long> InitialCounters { get; init; } = new Dictionary<string, long>();

    /// <summary><see cref="InitialCounters"/> plus the counters of every completed batch, recomputed at each fan-in.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();

    /// <summary>How many batches the run fanned out to; <see langword="null"/> until it has.</summary>
    public int? BatchCount { get; init; }

    /// <summary>How many of them are done.</summary>
    public int CompletedBatches { get; init; }

    /// <summary>A short workflow-specific status for people, e.g. <c>overdue</c>.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>The run's settings as JSON, written when it starts.</summary>
    public string Configuration { get; init; } = "{}";

    /// <summary>Who started it.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The last error that stopped or troubled it, for people (never a stack trace).</summary>
    public string? LastError { get; init; }

    /// <summary>Item-level errors worth showing (bounded; <see cref="Counters"/> hold the true totals).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The storage version the run was read at; the next update is conditional on it.</summary>
    public string? ETag { get; init; }

    /// <summary>A counter's value, 0 when absent.</summary>
    /// <param name="name">The counter.</param>
    /// <returns>Its value.</returns>
    public long Counter(string name) => Counters.GetValueOrDefault(name);

    /// <summary>The estimated completion: elapsed time per processed item times the items left.</summary>
    /// <returns>The estimate, or <see langword="null"/> when finished or nothing has been processed yet.</returns>
    public DateTimeOffset? EstimatedCompletion()
    {
        if (Status.IsFinished() || Progress.Processed == 0 || Progress.Total == 0 || Progress.Processed >= Progress.Total)
        {
            return null;
        }

        var perItem = (UpdatedAt - StartedAt) / Progress.Processed;
        return UpdatedAt + (perItem * (Progress.Total - Progress.Processed));
    }
}

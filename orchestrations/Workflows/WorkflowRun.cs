namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// One run of a workflow (import, push, rollback, …) as people see it: its orchestration's lifecycle combined with
/// the <see cref="RunState"/> it keeps as custom status. Read from the Durable task hub; there is no run table.
/// </summary>
public sealed record WorkflowRun
{
    /// <summary>The run's id: its orchestration instance id.</summary>
    public required string RunId { get; init; }

    /// <summary>The workflow, e.g. <c>etilize_import</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The lifecycle state.</summary>
    public RunStatus Status { get; init; } = RunStatus.Pending;

    /// <summary>The workflow's own step name, e.g. <c>split</c>, <c>validate</c>, <c>awaiting_approval</c>.</summary>
    public required string Phase { get; init; }

    /// <summary>How far it has come.</summary>
    public RunProgress Progress { get; init; } = RunProgress.None;

    /// <summary>The workflow's counters.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();

    /// <summary>A short workflow-specific status for people, e.g. <c>overdue</c>.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Who started it.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When it should finish, at the pace so far.</summary>
    public DateTimeOffset? EstimatedCompletion { get; init; }

    /// <summary>The last error that stopped or troubled it, for people (never a stack trace).</summary>
    public string? LastError { get; init; }

    /// <summary>Item-level errors worth showing (bounded; <see cref="Counters"/> hold the true totals).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Items worth listing, by list name (e.g. the SKUs Xorosoft does not know).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The orchestration's input as JSON (e.g. an import's file and settings); <c>{}</c> when it has none.</summary>
    public string Input { get; init; } = "{}";

    /// <summary>A counter's value, 0 when absent.</summary>
    /// <param name="name">The counter.</param>
    /// <returns>Its value.</returns>
    public long Counter(string name) => Counters.GetValueOrDefault(name);
}

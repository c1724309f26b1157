using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>Read the run's ZIP and fan out its batches.</summary>
/// <param name="RunId">The run.</param>
public sealed record SplitCatalogMessage(string RunId) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "import.split";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>Start, or poll, the store export a large import matches against.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Poll">Which poll this is (0 starts the export); only the run's current poll goes on.</param>
public sealed record SnapshotStoreMessage(string RunId, int Poll) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "import.snapshot-store";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>Validate, match, diff and stage one batch.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BatchIndex">The batch, from 0.</param>
public sealed record StageBatchMessage(string RunId, int BatchIndex) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "import.stage-batch";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>Every batch is done: write the summary and wait for reviews, or complete.</summary>
/// <param name="RunId">The run.</param>
public sealed record FinishImportMessage(string RunId) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "import.finish";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>The durable timer of the approval timeout.</summary>
/// <param name="RunId">The run.</param>
/// <param name="DueAt">When the timeout is due; a delivery before it re-arms the timer.</param>
public sealed record ApprovalTimeoutMessage(string RunId, DateTimeOffset DueAt) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "import.approval-timeout";

    /// <inheritdoc />
    public string Type => MessageType;
}

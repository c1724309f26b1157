using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Push;

/// <summary>Choose the run's changes and fan out its batches.</summary>
/// <param name="RunId">The push run.</param>
public sealed record SelectChangesMessage(string RunId) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "push.select";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>Push one batch of changes.</summary>
/// <param name="RunId">The push run.</param>
/// <param name="BatchIndex">The batch, from 0.</param>
public sealed record PushBatchMessage(string RunId, int BatchIndex) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "push.batch";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>Every batch is done: complete the run.</summary>
/// <param name="RunId">The push run.</param>
public sealed record FinishPushMessage(string RunId) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "push.finish";

    /// <inheritdoc />
    public string Type => MessageType;
}

/// <summary>An import run received its <c>approval</c> event: push its approved changes.</summary>
/// <param name="RunId">The import run.</param>
/// <param name="EventId">The event, which names the push run it starts.</param>
public sealed record PushApprovedImportMessage(string RunId, string EventId) : IWorkflowMessage
{
    /// <summary>The message type.</summary>
    public const string MessageType = "import.approved";

    /// <inheritdoc />
    public string Type => MessageType;
}

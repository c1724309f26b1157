namespace CowansSync.Orchestrations.Workflows;

/// <summary>A step message on the work queue: its <see cref="Type"/> selects the step.</summary>
public interface IWorkflowMessage
{
    /// <summary>The step's message type, e.g. <c>import.split</c>.</summary>
    string Type { get; }

    /// <summary>The run the step belongs to.</summary>
    string RunId { get; }
}

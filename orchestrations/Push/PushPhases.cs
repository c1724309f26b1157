namespace CowansSync.Orchestrations.Push;

/// <summary>The push run's kind and phases, as its custom status (<see cref="Workflows.RunState"/>) names them: select → push → done.</summary>
public static class PushPhases
{
    /// <summary>The run kind.</summary>
    public const string Kind = "shopify_push";

    /// <summary>Choosing the changes and writing their batches.</summary>
    public const string Select = "select";

    /// <summary>Batches being pushed.</summary>
    public const string Push = "push";

    /// <summary>Finished.</summary>
    public const string Done = "done";
}

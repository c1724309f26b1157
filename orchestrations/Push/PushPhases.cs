namespace CowansSync.Orchestrations.Push;

/// <summary>The push workflow's kind and phases: select → push (fanned out) → finish → done.</summary>
public static class PushPhases
{
    /// <summary>The run kind.</summary>
    public const string Kind = "shopify_push";

    /// <summary>Choosing the changes and writing their batches.</summary>
    public const string Select = "select";

    /// <summary>Batches being pushed.</summary>
    public const string Push = "push";

    /// <summary>Every batch is done; the summary is being written.</summary>
    public const string Finish = "finish";

    /// <summary>Finished.</summary>
    public const string Done = "done";
}

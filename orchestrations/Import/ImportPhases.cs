namespace CowansSync.Orchestrations.Import;

/// <summary>The phases of a catalog import run, in order.</summary>
public static class ImportPhases
{
    /// <summary>The workflow's kind, as runs and the API name it.</summary>
    public const string Kind = "etilize_import";

    /// <summary>Reading the ZIP into batches.</summary>
    public const string Split = "split";

    /// <summary>The store is being exported for the batches to match against (large files only).</summary>
    public const string Snapshot = "snapshot";

    /// <summary>The batches are being validated, matched and staged (fanned out).</summary>
    public const string Validate = "validate";

    /// <summary>Every batch is done; the summary is being written.</summary>
    public const string Finish = "finish";

    /// <summary>Waiting for people to review the pending changes.</summary>
    public const string AwaitingApproval = "awaiting_approval";

    /// <summary>Nothing more to do.</summary>
    public const string Done = "done";
}

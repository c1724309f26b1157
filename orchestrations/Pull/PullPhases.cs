namespace CowansSync.Orchestrations.Pull;

/// <summary>The pull run's phases, as its custom status names them: export (full pulls) → pull → done.</summary>
public static class PullPhases
{
    /// <summary>The store being exported and split into batches.</summary>
    public const string Export = "export";

    /// <summary>Store products being synced into the local catalog.</summary>
    public const string Pull = "pull";

    /// <summary>Finished.</summary>
    public const string Done = "done";
}

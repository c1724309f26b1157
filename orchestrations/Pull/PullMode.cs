namespace CowansSync.Orchestrations.Pull;

/// <summary>What a pull reads from the store.</summary>
public enum PullMode
{
    /// <summary>Every product, through one bulk export.</summary>
    Full,

    /// <summary>The products updated since the last successful pull (its high-water mark), page by page; the whole store when there is no mark yet.</summary>
    Incremental,

    /// <summary>The products named by id.</summary>
    Selective,
}

namespace CowansSync.Orchestrations.Push;

/// <summary>How one change of a batch ended, for the batch's counters.</summary>
public enum PushOutcome
{
    /// <summary>The store holds the change.</summary>
    Applied,

    /// <summary>The write failed; Shopify's errors are on the change.</summary>
    Failed,

    /// <summary>The store moved since staging; nothing was written.</summary>
    Conflict,

    /// <summary>The change was not in a state to push.</summary>
    Skipped,
}

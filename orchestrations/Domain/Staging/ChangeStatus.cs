namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>Where a staged change is in its lifecycle; the legal moves are in <see cref="ChangeLifecycle"/>.</summary>
public enum ChangeStatus
{
    /// <summary>Waiting for a rule or a person.</summary>
    Pending,

    /// <summary>Cleared to be applied.</summary>
    Approved,

    /// <summary>Turned down; final.</summary>
    Rejected,

    /// <summary>Being written to the target.</summary>
    Applying,

    /// <summary>Written.</summary>
    Applied,

    /// <summary>The last attempt to write failed; may be retried.</summary>
    Failed,

    /// <summary>Undone by an applied rollback change; final.</summary>
    RolledBack,
}

namespace CowansSync.Orchestrations.Workflows;

/// <summary>Where a workflow run is in its life (<c>docs/DOMAIN.md</c> "Runs").</summary>
public enum RunStatus
{
    /// <summary>Created; its first step has not run yet.</summary>
    Pending,

    /// <summary>Steps are running.</summary>
    Running,

    /// <summary>Waiting for people to review what it staged.</summary>
    AwaitingApproval,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Done, with some items failed.</summary>
    CompletedWithErrors,

    /// <summary>Stopped by an error it cannot get past.</summary>
    Failed,

    /// <summary>Stopped by a person.</summary>
    Cancelled,
}

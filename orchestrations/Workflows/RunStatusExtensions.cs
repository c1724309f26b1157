namespace CowansSync.Orchestrations.Workflows;

/// <summary>Questions asked of a <see cref="RunStatus"/>.</summary>
public static class RunStatusExtensions
{
    /// <summary>Whether the run is over: nothing more will happen to it (a failed run can still be re-driven).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for completed, completed with errors, failed and cancelled.</returns>
    public static bool IsFinished(this RunStatus status)
        => status is RunStatus.Completed or RunStatus.CompletedWithErrors or RunStatus.Failed or RunStatus.Cancelled;
}

using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Apis;

/// <summary>How fast a run processes items, from its start to its last progress (or its end).</summary>
public static class RunPace
{
    /// <summary>When the run last made progress: its completion, or its last update while it runs.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The time.</returns>
    public static DateTimeOffset LastProgressAt(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.CompletedAt ?? run.UpdatedAt;
    }

    /// <summary>Items processed per second between the start and <see cref="LastProgressAt"/>, to two decimals.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The rate; 0 before any time has passed.</returns>
    public static decimal ItemsPerSecond(WorkflowRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var seconds = (decimal)(LastProgressAt(run) - run.StartedAt).TotalSeconds;
        return seconds <= 0 ? 0m : Math.Round(run.Progress.Processed / seconds, 2);
    }
}

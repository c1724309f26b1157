namespace CowansSync.Orchestrations.Pull;

/// <summary>App-wide settings of the Shopify pull (section <c>Pull</c>).</summary>
public sealed class PullOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pull";

    /// <summary>Hourly, on the hour: the incremental pull's schedule when <c>Pull__Schedule</c> is not set.</summary>
    public const string DefaultSchedule = "0 0 * * * *";

    /// <summary>The incremental pull's schedule (NCRONTAB with seconds, default <see cref="DefaultSchedule"/>).</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>Store products per batch of a full pull (default 250).</summary>
    public int BatchSize { get; set; } = 250;

    /// <summary>Batches synced at once (default 4).</summary>
    public int ParallelBatches { get; set; } = 4;

    /// <summary>Time between checks of the bulk export (default 5 s).</summary>
    public TimeSpan ExportPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts of a pull step before the run fails (default 3).</summary>
    public int ActivityAttempts { get; set; } = 3;

    /// <summary>Wait before a step's second attempt; it doubles for each further one (default 10 s).</summary>
    public TimeSpan ActivityRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The plan a run starts with.</summary>
    /// <returns>The plan.</returns>
    public PullPlan ToPlan() => new(BatchSize, ParallelBatches, ExportPollInterval, ActivityAttempts, ActivityRetryInterval);
}

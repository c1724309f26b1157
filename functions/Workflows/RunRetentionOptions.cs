namespace CowansSync.Functions.Workflows;

/// <summary>
/// How long finished runs stay in the task hub (section <c>Runs</c>). The purge's schedule is the timer's own setting,
/// <c>Runs__PurgeSchedule</c> (NCRONTAB, e.g. <c>0 30 3 * * *</c>).
/// </summary>
public sealed class RunRetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Runs";

    /// <summary>The purge's schedule when <c>Runs__PurgeSchedule</c> is not set (standalone): daily at 03:30 UTC.</summary>
    public const string DefaultPurgeSchedule = "0 30 3 * * *";

    /// <summary>How long a completed, failed or cancelled run is kept (default 30 days); running runs are never purged.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}

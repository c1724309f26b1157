namespace CowansSync.Functions.Schedules;

/// <summary>
/// How sync schedules are run (section <c>Schedules</c>). The timer that starts their due occurrences has its own
/// setting, <c>Schedules__PollSchedule</c> (NCRONTAB with seconds; every minute by default), so a schedule runs within
/// a minute of its occurrence.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Schedules";

    /// <summary>The timer's schedule when <c>Schedules__PollSchedule</c> is not set (standalone): every minute.</summary>
    public const string DefaultPollSchedule = "0 * * * * *";

    /// <summary>
    /// How far back an occurrence missed while the app was stopped still runs (default 1 day); only the latest missed
    /// occurrence runs, once.
    /// </summary>
    public TimeSpan MissedRunWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Attempts of a scheduled run's own steps (claiming the Etilize file, the notification) before they fail.</summary>
    public int ActivityAttempts { get; set; } = 3;
}

using CowansSync.Functions.Hosting.Scheduling;

namespace CowansSync.Functions.Hosting;

/// <summary>A timer-triggered function, its <c>[TimerTrigger]</c> resolved against the app's settings.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="Schedule">The NCRONTAB schedule (UTC).</param>
/// <param name="RunOnStartup">Whether it also runs once when the app starts.</param>
/// <param name="UseMonitor">
/// Whether occurrences are recorded so that one missed while no instance ran is made up at start (past due); off for
/// schedules that recur within a minute, as the host does.
/// </param>
/// <param name="Disabled">Whether the setting <c>AzureWebJobs.&lt;Name&gt;.Disabled</c> turns it off.</param>
public sealed record TimerFunction(string Name, CronSchedule Schedule, bool RunOnStartup, bool UseMonitor, bool Disabled);

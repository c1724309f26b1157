namespace CowansSync.Functions.Hosting;

/// <summary>The last run of a timer function, as health reports it.</summary>
/// <param name="FunctionName">The timer function.</param>
/// <param name="ScheduledTime">The occurrence it ran for.</param>
/// <param name="StartedAt">When the handler started.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="Succeeded">Whether it completed without throwing.</param>
/// <param name="Error">Why it failed, if it did.</param>
public sealed record TimerRun(string FunctionName, DateTimeOffset ScheduledTime, DateTimeOffset StartedAt, DateTimeOffset CompletedAt, bool Succeeded, string? Error);

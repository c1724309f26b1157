namespace CowansSync.Functions.Hosting;

/// <summary>One occurrence of a timer function.</summary>
/// <param name="ScheduledTime">The occurrence the run is for (UTC).</param>
/// <param name="IsPastDue">Whether the run starts later than scheduled (the Functions host's <c>IsPastDue</c>).</param>
public sealed record TimerInvocation(DateTimeOffset ScheduledTime, bool IsPastDue);

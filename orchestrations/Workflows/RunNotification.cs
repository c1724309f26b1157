namespace CowansSync.Orchestrations.Workflows;

/// <summary>A run needs attention.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Kind">The run's workflow.</param>
/// <param name="Event">What happened, e.g. <c>approval_overdue</c>.</param>
/// <param name="Message">For people.</param>
/// <param name="At">When.</param>
public sealed record RunNotification(string RunId, string Kind, string Event, string Message, DateTimeOffset At);

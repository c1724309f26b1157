using CowansSync.Orchestrations.Schedules;

namespace CowansSync.Orchestrations.Workflows;

/// <summary>A run needs attention, or a scheduled run has ended.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Kind">The run's workflow.</param>
/// <param name="Event">What happened, e.g. <c>approval_overdue</c>.</param>
/// <param name="Message">For people.</param>
/// <param name="At">When.</param>
/// <param name="WebhookUrl">Where to send it; <see langword="null"/>: the app's notification webhook.</param>
/// <param name="Steps">A scheduled run's summary: how each of its steps ended.</param>
public sealed record RunNotification(
    string RunId,
    string Kind,
    string Event,
    string Message,
    DateTimeOffset At,
    string? WebhookUrl = null,
    IReadOnlyList<ScheduledStepOutcome>? Steps = null);

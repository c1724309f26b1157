namespace CowansSync.Functions.Schedules;

/// <summary>A stored sync schedule.</summary>
/// <param name="Id">Its id: its name's letters and digits and a random suffix, e.g. <c>daily-price-update-1a2b3c</c>.</param>
/// <param name="Definition">What it runs and when, as created (validated).</param>
/// <param name="CreatedBy">Who created it; its runs name them.</param>
/// <param name="CreatedAt">When; no occurrence before it runs.</param>
/// <param name="LastOccurrence">The latest occurrence a run was started for.</param>
/// <param name="LastRunId">That run.</param>
public sealed record SyncSchedule(
    string Id,
    SyncScheduleDefinition Definition,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastOccurrence,
    string? LastRunId);

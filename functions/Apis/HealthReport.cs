using CowansSync.Functions.Hosting;

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>GET /api/health</c>. Holds no secrets: no keys, connection strings or endpoints.</summary>
/// <param name="Status"><c>healthy</c>, or <c>unhealthy</c> when a storage service is unreachable.</param>
/// <param name="Version">The app's version.</param>
/// <param name="Mode"><c>standalone</c> or <c>custom_handler</c>.</param>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Storage">Reachability of <c>blob</c>, <c>queue</c> and <c>table</c>.</param>
/// <param name="Queues">The depth of each queue trigger's queue and its poison queue.</param>
/// <param name="Timers">Each timer function's schedule, next occurrence and last run.</param>
public sealed record HealthReport(
    string Status, string Version, string Mode, DateTimeOffset CheckedAt,
    IReadOnlyDictionary<string, ServiceHealth> Storage, IReadOnlyList<QueueHealth> Queues, IReadOnlyList<TimerHealth> Timers);

/// <summary>Whether a storage service answered.</summary>
/// <param name="Reachable">It answered (a "not found" counts: the service is up).</param>
/// <param name="Error">What went wrong otherwise.</param>
public sealed record ServiceHealth(bool Reachable, string? Error = null);

/// <summary>A queue trigger's backlog.</summary>
/// <param name="Function">The queue function.</param>
/// <param name="Queue">The queue.</param>
/// <param name="Depth">Approximate messages waiting; <see langword="null"/> when unknown.</param>
/// <param name="PoisonQueue">Its poison queue.</param>
/// <param name="PoisonDepth">Approximate poisoned messages; <see langword="null"/> when unknown.</param>
public sealed record QueueHealth(string Function, string Queue, long? Depth, string PoisonQueue, long? PoisonDepth);

/// <summary>A timer function's state.</summary>
/// <param name="Function">The timer function.</param>
/// <param name="Schedule">Its NCRONTAB schedule (UTC).</param>
/// <param name="NextRun">Its next occurrence.</param>
/// <param name="LastRun">Its last run, if any and if readable.</param>
public sealed record TimerHealth(string Function, string Schedule, DateTimeOffset NextRun, TimerRun? LastRun);

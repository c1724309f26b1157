using CowansSync.Functions.Hosting;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Apis;

/// <summary>The services the health endpoint uses, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Triggers">The functions' triggers (which queues and timers to report).</param>
/// <param name="Storage">The storage clients.</param>
/// <param name="TimerRuns">The timers' last runs.</param>
/// <param name="Mode">The hosting mode.</param>
/// <param name="TimeProvider">The clock.</param>
public sealed record HealthServices(FunctionTriggers Triggers, StorageClients Storage, TimerRunLog TimerRuns, HostingMode Mode, TimeProvider TimeProvider);

using CowansSync.Functions.Audit;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Apis;

/// <summary>The services the sync monitoring endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Runs">The run store.</param>
/// <param name="Changes">The staged changes (counted, never listed).</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Triggers">The functions' triggers (which queues to measure).</param>
/// <param name="Storage">The storage clients (queue depths).</param>
/// <param name="Time">The clock.</param>
public sealed record SyncMonitoringServices(
    IRunStore Runs, StagedChangeStore Changes, AuditLog Audit, FunctionTriggers Triggers, StorageClients Storage, TimeProvider Time);

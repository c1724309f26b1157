using CowansSync.Functions.Audit;
using CowansSync.Functions.Push;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Ports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Apis;

/// <summary>The services the push and rollback endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Push">Starts push and rollback runs.</param>
/// <param name="Runs">The run store.</param>
/// <param name="Changes">The staged changes.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Time">The clock.</param>
/// <param name="Durable">The Durable Task client the runs start on (the standalone host registers it).</param>
public sealed record PushServices(PushStarter Push, IRunStore Runs, StagedChangeStore Changes, AuditLog Audit, TimeProvider Time, [FromServices] DurableTaskClient? Durable)
{
    /// <summary>The Durable Task client, or a clear failure while no host registered one.</summary>
    public DurableTaskClient Client => Durable ?? throw new InvalidOperationException("No Durable Task client is registered: push and rollback runs cannot start.");
}

using CowansSync.Functions.Audit;
using CowansSync.Functions.Staging;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Push;

namespace CowansSync.Functions.Apis;

/// <summary>The services the push and rollback endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Push">Starts push runs.</param>
/// <param name="Runs">The run store.</param>
/// <param name="Changes">The staged changes.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Time">The clock.</param>
public sealed record PushServices(PushWorkflow Push, IRunStore Runs, StagedChangeStore Changes, AuditLog Audit, TimeProvider Time);

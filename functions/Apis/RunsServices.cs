using CowansSync.Functions.Audit;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Apis;

/// <summary>The services the run endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Runs">The run store.</param>
/// <param name="Redriver">Re-drives poison messages.</param>
/// <param name="Queue">The step queue, for the steps an event lets go on.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Time">The clock.</param>
public sealed record RunsServices(IRunStore Runs, PoisonRedriver Redriver, IStepScheduler Queue, AuditLog Audit, TimeProvider Time);

using CowansSync.Functions.Audit;
using CowansSync.Functions.Staging;

namespace CowansSync.Functions.Apis;

/// <summary>The services the staged-change endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Changes">The staged changes.</param>
/// <param name="Audit">The audit log.</param>
/// <param name="Time">The clock for review times.</param>
public sealed record StagedChangesServices(StagedChangeStore Changes, AuditLog Audit, TimeProvider Time);

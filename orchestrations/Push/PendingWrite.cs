using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Push;

/// <summary>A change, applying, and what to write for it.</summary>
/// <param name="Change">The change as last read.</param>
/// <param name="Write">The create, or the fields still as staged.</param>
public sealed record PendingWrite(StagedChange Change, PushDecision.Write Write);

using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Push;

/// <summary>The input of a <see cref="RollbackChange"/> orchestration.</summary>
/// <param name="ChangeId">The applied change to undo.</param>
/// <param name="RunId">The run the rollback change is staged under; its id follows from it (<see cref="RollbackPlan.For"/>).</param>
/// <param name="Review">Who asked, when, and why.</param>
/// <param name="Plan">The plan of the push that applies it.</param>
public sealed record RollbackRequest(string ChangeId, string RunId, ReviewInfo Review, PushPlan Plan);

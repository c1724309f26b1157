namespace CowansSync.Orchestrations.Push;

/// <summary>The input of a <see cref="PushChanges"/> orchestration, whose instance id is the push run's id.</summary>
/// <param name="Settings">What to push.</param>
/// <param name="CreatedBy">Who started it; versions name them as the actor.</param>
/// <param name="Plan">The settings it decides with.</param>
public sealed record PushRequest(PushSettings Settings, string CreatedBy, PushPlan Plan);

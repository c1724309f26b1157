namespace CowansSync.Orchestrations.Push;

/// <summary>The input of <see cref="SelectChanges"/>.</summary>
/// <param name="RunId">The push run.</param>
/// <param name="Settings">What to push.</param>
/// <param name="Plan">The batch sizes and the bulk threshold.</param>
public sealed record SelectChangesInput(string RunId, PushSettings Settings, PushPlan Plan);

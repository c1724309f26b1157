namespace CowansSync.Orchestrations.Push;

/// <summary>TEMP until the push orchestration merges.</summary>
public sealed record PushRequest(PushSettings Settings, string CreatedBy, PushPlan Plan);

/// <summary>TEMP.</summary>
public sealed record PushPlan(int BatchSize);

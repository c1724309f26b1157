namespace CowansSync.Orchestrations.Push;

/// <summary>What <see cref="StageRollback"/> did: staged the rollback change, or refused.</summary>
/// <param name="RollbackChangeId">The staged rollback change; <see langword="null"/> when refused.</param>
/// <param name="Refusal">Why the change cannot be rolled back; <see langword="null"/> when staged.</param>
public sealed record StagedRollback(string? RollbackChangeId, string? Refusal);

namespace CowansSync.Orchestrations.Push;

/// <summary>The output of a <see cref="RollbackChange"/> orchestration.</summary>
/// <param name="RollbackChangeId">The rollback change; <see langword="null"/> when refused.</param>
/// <param name="Refusal">Why nothing was rolled back; <see langword="null"/> when the push ran.</param>
/// <param name="Push">The push that applied it (a conflict shows here and on the rollback change).</param>
public sealed record RollbackSummary(string? RollbackChangeId, string? Refusal, PushSummary? Push);

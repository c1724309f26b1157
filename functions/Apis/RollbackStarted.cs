namespace CowansSync.Functions.Apis;

/// <summary>The answer to a rollback request.</summary>
/// <param name="RollbackId">The rollback change's id.</param>
/// <param name="RunId">The push run that applies it.</param>
/// <param name="StatusUrl">Where to follow that run; a conflict shows there and on the rollback change.</param>
public sealed record RollbackStarted(string RollbackId, string RunId, string StatusUrl);

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/sync/rollback/{change_id}</c>.</summary>
/// <param name="Reason">Why, required, at most 2000 characters; kept on the rollback change and in the audit log.</param>
public sealed record RollbackRequest(string? Reason);

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/sync/staged/{change_id}/reopen</c>.</summary>
/// <param name="Notes">Why, optional, at most 2000 characters.</param>
public sealed record ReopenChangeRequest(string? Notes);

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/sync/staged/{change_id}/reject</c>.</summary>
/// <param name="Reason">Why, required, at most 2000 characters.</param>
public sealed record RejectChangeRequest(string? Reason);

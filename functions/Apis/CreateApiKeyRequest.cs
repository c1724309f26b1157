namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/admin/keys</c>.</summary>
/// <param name="Name">Who or what the key is for.</param>
/// <param name="Role">viewer, operator, approver or admin.</param>
public sealed record CreateApiKeyRequest(string? Name, string? Role);

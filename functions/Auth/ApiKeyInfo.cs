namespace CowansSync.Functions.Auth;

/// <summary>An API key as listed: everything but the secret.</summary>
/// <param name="KeyId">The key's id (also inside the key itself).</param>
/// <param name="Name">Who or what the key is for.</param>
/// <param name="Role">The key's role.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The name of the caller who created it.</param>
public sealed record ApiKeyInfo(string KeyId, string Name, string Role, DateTimeOffset CreatedAt, string CreatedBy);

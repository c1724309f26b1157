namespace CowansSync.Functions.Apis;

/// <summary>A new API key: its record plus the key itself, shown only in this response.</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Name">Who or what the key is for.</param>
/// <param name="Role">The key's role.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="Key">The key; store it now, it cannot be shown again.</param>
public sealed record CreatedApiKey(string KeyId, string Name, string Role, DateTimeOffset CreatedAt, string CreatedBy, string Key);

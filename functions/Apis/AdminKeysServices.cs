using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;

namespace CowansSync.Functions.Apis;

/// <summary>The services the key endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Keys">The key store.</param>
/// <param name="Audit">The audit log.</param>
public sealed record AdminKeysServices(ApiKeyStore Keys, AuditLog Audit);

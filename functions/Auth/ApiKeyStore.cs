using Azure.Data.Tables;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Auth;

/// <summary>
/// API keys in the <c>apikeys</c> table, one row per key keyed by its id, holding the key's SHA-256 but never the key.
/// Nothing is cached: a revoked (deleted) key fails on its very next request.
/// </summary>
public sealed class ApiKeyStore(StorageClients storage, TimeProvider timeProvider)
{
    /// <summary>The table.</summary>
    public const string TableName = "apikeys";

    private const string Partition = "apikey";

    /// <summary>Creates a key.</summary>
    /// <param name="name">Who or what it is for.</param>
    /// <param name="role">Its role.</param>
    /// <param name="createdBy">The creating caller's name.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The key's record and the key itself, which is not stored and cannot be shown again.</returns>
    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(string name, string role, string createdBy, CancellationToken cancellationToken)
    {
        var (keyId, key) = ApiKeySecret.Generate();
        var info = new ApiKeyInfo(keyId, name, role, timeProvider.GetUtcNow(), createdBy);
        var entity = new TableEntity(Partition, keyId)
        {
            ["Name"] = info.Name,
            ["Role"] = info.Role,
            ["KeyHash"] = ApiKeySecret.Hash(key),
            ["CreatedAt"] = info.CreatedAt,
            ["CreatedBy"] = info.CreatedBy,
        };
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        await table.AddEntityAsync(entity, cancellationToken);
        return (info, key);
    }

    /// <summary>The key's record when <paramref name="presentedKey"/> is a current key.</summary>
    /// <param name="presentedKey">The key from a request.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The record, or <see langword="null"/> for an unknown, revoked or wrong key.</returns>
    public async Task<ApiKeyInfo?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryGetKeyId(presentedKey, out var keyId))
        {
            return null;
        }

        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(Partition, keyId, cancellationToken: cancellationToken);
        return entity.HasValue && ApiKeySecret.Matches(presentedKey, entity.Value!.GetString("KeyHash") ?? string.Empty)
            ? ToInfo(entity.Value)
            : null;
    }

    /// <summary>Every current key, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The keys.</returns>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var keys = new List<ApiKeyInfo>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            keys.Add(ToInfo(entity));
        }

        return [.. keys.OrderBy(key => key.CreatedAt).ThenBy(key => key.KeyId, StringComparer.Ordinal)];
    }

    /// <summary>Revokes a key.</summary>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The revoked key's record, or <see langword="null"/> when there is no such key.</returns>
    public async Task<ApiKeyInfo?> DeleteAsync(string keyId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(Partition, keyId, cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            return null;
        }

        await table.DeleteEntityAsync(Partition, keyId, entity.Value!.ETag, cancellationToken);
        return ToInfo(entity.Value);
    }

    private static ApiKeyInfo ToInfo(TableEntity entity) => new(
        entity.RowKey, entity.GetString("Name") ?? string.Empty, entity.GetString("Role") ?? string.Empty,
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, entity.GetString("CreatedBy") ?? string.Empty);
}

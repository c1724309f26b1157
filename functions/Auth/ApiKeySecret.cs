using System.Security.Cryptography;
using System.Text;

namespace CowansSync.Functions.Auth;

/// <summary>
/// API keys look like <c>csk_&lt;key id&gt;_&lt;secret&gt;</c>: the id (16 hex digits) finds the stored record in one
/// lookup, the secret (256 random bits) proves possession. Only the key's SHA-256 is stored; a fast hash is enough
/// because the secret is random, not a password.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "csk_";

    /// <summary>Makes a new key.</summary>
    /// <returns>The key id and the full key (shown once).</returns>
    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return (keyId, $"{Prefix}{keyId}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}");
    }

    /// <summary>The key id inside <paramref name="key"/>, if it has our shape.</summary>
    /// <param name="key">A presented key.</param>
    /// <param name="keyId">The id.</param>
    /// <returns>Whether the key has our shape.</returns>
    public static bool TryGetKeyId(string key, out string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        keyId = key.Split('_') is ["csk", var id, { Length: 64 }] && IsKeyId(id) ? id : string.Empty;
        return keyId.Length > 0;
    }

    /// <summary>Whether <paramref name="keyId"/> has the shape of a key id (16 lower-case hex digits).</summary>
    /// <param name="keyId">The candidate.</param>
    /// <returns><see langword="true"/> for a well-formed id.</returns>
    public static bool IsKeyId(string keyId) => keyId is { Length: 16 } && keyId.All(char.IsAsciiHexDigitLower);

    /// <summary>The stored form of a key: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The hash.</returns>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares a presented key with a stored hash or another key in constant time.</summary>
    /// <param name="presentedKey">The key from the request.</param>
    /// <param name="expectedHash">The stored hash.</param>
    /// <returns>Whether they match.</returns>
    public static bool Matches(string presentedKey, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presentedKey)), Encoding.ASCII.GetBytes(expectedHash));
}

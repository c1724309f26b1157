using System.Security.Cryptography;
using System.Text;

namespace CowansSync.Functions.Webhooks;

/// <summary>Shopify's webhook signature: <c>X-Shopify-Hmac-Sha256</c>, the base64 HMAC-SHA256 of the raw body keyed by the app's secret.</summary>
public static class ShopifyWebhookSignature
{
    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>, compared in constant time.</summary>
    /// <param name="secret">The app's client secret (<c>Shopify__WebhookSecret</c>).</param>
    /// <param name="body">The raw request body, as received.</param>
    /// <param name="header">The header's value; <see langword="null"/> when absent.</param>
    /// <returns><see langword="true"/> for a valid signature.</returns>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return header is not null
            && Convert.TryFromBase64String(header, given, out var written)
            && written == HMACSHA256.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }
}

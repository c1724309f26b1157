namespace CowansSync.Functions.Shopify;

/// <summary>A failure worth retrying (THROTTLED, 429, 5xx); the resilience pipeline retries it, callers never see it.</summary>
internal sealed class ShopifyTransientException(string message, int? statusCode) : Exception(message)
{
    /// <summary>The HTTP status, if the failure was one.</summary>
    public int? StatusCode { get; } = statusCode;
}

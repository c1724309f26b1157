namespace CowansSync.Functions.Shopify;

/// <summary>A bulk operation's progress, as <c>node(id:)</c> reports it.</summary>
/// <param name="Id">The operation's GID.</param>
/// <param name="Status">Where it is.</param>
/// <param name="ObjectCount">Lines written so far (products, variants and media together).</param>
/// <param name="Url">The JSONL result once <see cref="ShopifyBulkOperationStatus.Completed"/>; null while running or when nothing matched.
/// A signed, expiring URL: do not log it.</param>
/// <param name="ErrorCode">Shopify's <c>BulkOperationErrorCode</c> (<c>ACCESS_DENIED</c>, <c>INTERNAL_SERVER_ERROR</c>, <c>TIMEOUT</c>) when it failed.</param>
public sealed record ShopifyBulkStatus(string Id, ShopifyBulkOperationStatus Status, long ObjectCount, Uri? Url, string? ErrorCode)
{
    /// <summary>Whether the operation has stopped (for good or bad).</summary>
    public bool IsFinished => Status is ShopifyBulkOperationStatus.Completed or ShopifyBulkOperationStatus.Canceled
        or ShopifyBulkOperationStatus.Failed or ShopifyBulkOperationStatus.Expired;
}

namespace CowansSync.Functions.Shopify;

/// <summary>Shopify's <c>BulkOperationStatus</c>.</summary>
public enum ShopifyBulkOperationStatus
{
    /// <summary>Accepted, not started.</summary>
    Created,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Finished; the result file (if any objects) is at the status's URL.</summary>
    Completed,

    /// <summary>Being canceled.</summary>
    Canceling,

    /// <summary>Canceled before it finished.</summary>
    Canceled,

    /// <summary>Failed; the status's error code says why.</summary>
    Failed,

    /// <summary>Finished too long ago: the result file is gone.</summary>
    Expired,
}

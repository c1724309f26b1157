namespace CowansSync.Orchestrations.Ports;

/// <summary>What starting a bulk operation led to: it runs, the shop is busy with another of its kind, or there was nothing to write.</summary>
/// <param name="OperationId">The running operation's GID; <see langword="null"/> when none was started.</param>
/// <param name="Busy">Another bulk operation of its kind (query or mutation) runs in the shop (<c>OPERATION_IN_PROGRESS</c>): start again later.</param>
public sealed record ShopifyBulkStart(string? OperationId, bool Busy)
{
    /// <summary>No update names a field of the stage: nothing was started, nothing is needed.</summary>
    public static ShopifyBulkStart NothingToWrite { get; } = new(null, false);

    /// <summary>Shopify refused the start because another bulk operation of its kind runs.</summary>
    public static ShopifyBulkStart ShopBusy { get; } = new(null, true);

    /// <summary>A started operation.</summary>
    /// <param name="operationId">Its GID.</param>
    /// <returns>The start.</returns>
    public static ShopifyBulkStart Started(string operationId) => new(operationId, false);
}

namespace CowansSync.Orchestrations.Ports;

/// <summary>Where a bulk operation is, as the push needs to know it.</summary>
public enum ShopifyBulkState
{
    /// <summary>Created or running: check again later.</summary>
    Running,

    /// <summary>Finished; its per-line results can be read.</summary>
    Completed,

    /// <summary>Failed, canceled or expired as a whole: none of its lines can be trusted.</summary>
    Failed,
}

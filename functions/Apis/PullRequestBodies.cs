namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>POST /api/sync/shopify/pull</c>.</summary>
/// <param name="BatchName">A name for people, optional.</param>
/// <param name="SyncType"><c>incremental</c> (the default: what changed since the last pull) or <c>full</c>.</param>
/// <param name="Filters">Optional: <c>updated_since</c> starts an incremental pull there instead of at the last pull's mark.</param>
public sealed record PullShopifyRequest(string? BatchName, string? SyncType, PullFilters? Filters);

/// <summary>Filters of a pull request.</summary>
/// <param name="UpdatedSince">Where an incremental pull starts.</param>
public sealed record PullFilters(DateTimeOffset? UpdatedSince);

/// <summary>The body of <c>POST /api/shopify/sync/down</c> (the seeds' front end).</summary>
/// <param name="SyncMode"><c>full</c>, <c>incremental</c> (the default) or <c>selective</c>.</param>
/// <param name="SinceDate">Where an incremental pull starts instead of the last pull's mark.</param>
/// <param name="ProductIds">For <c>selective</c>: Shopify product GIDs (<c>gid://shopify/Product/…</c>), 1 to 1,000.</param>
public sealed record SyncDownRequest(string? SyncMode, DateTimeOffset? SinceDate, IReadOnlyList<string?>? ProductIds);

/// <summary>The answer to a pull request: the run, to follow at <see cref="StatusUrl"/>.</summary>
/// <param name="BatchId">The pull run's id (the seeds' <c>batch_id</c>).</param>
/// <param name="Status">Its status now.</param>
/// <param name="StatusUrl">Where to read it; its counters are the summary <c>{total_changes, new_products, updated_products, conflicts, auto_approved}</c>.</param>
public sealed record PullStarted(string BatchId, string Status, string StatusUrl)
{
    /// <summary>The run's id, as every run-starting answer names it (the same as the seeds' <c>batch_id</c>).</summary>
    public string RunId => BatchId;
}

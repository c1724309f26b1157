namespace CowansSync.Functions.Apis;

/// <summary>The filters of <c>GET /api/sync/staged</c>, as the query string gives them; every filter is optional.</summary>
/// <param name="BatchId">The run.</param>
/// <param name="Status">pending, approved, rejected, applying, applied, failed or rolled_back.</param>
/// <param name="ChangeType">create, update or delete.</param>
/// <param name="HasConflicts">true or false.</param>
/// <param name="Source">etilize, shopify, xorosoft or manual.</param>
/// <param name="Sku">One product, compared normalized.</param>
public sealed record StagedChangeListParameters(string? BatchId, string? Status, string? ChangeType, string? HasConflicts, string? Source, string? Sku)
{
    /// <summary>Reads the filters from the query string.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The filters.</returns>
    public static StagedChangeListParameters FromQuery(HttpRequest request) => new(
        ApiQuery.Text(request, "batch_id"),
        ApiQuery.Text(request, "status"),
        ApiQuery.Text(request, "change_type"),
        ApiQuery.Text(request, "has_conflicts"),
        ApiQuery.Text(request, "source"),
        ApiQuery.Text(request, "sku"));
}

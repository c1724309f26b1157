using Microsoft.AspNetCore.Mvc;

namespace CowansSync.Functions.Apis;

/// <summary>The query of <c>GET /api/sync/staged</c>, bound with <c>[AsParameters]</c>; every filter is optional.</summary>
/// <param name="BatchId">The run.</param>
/// <param name="Status">pending, approved, rejected, applying, applied, failed or rolled_back.</param>
/// <param name="ChangeType">create, update or delete.</param>
/// <param name="HasConflicts">true or false.</param>
/// <param name="Source">etilize, shopify, xorosoft or manual.</param>
/// <param name="Sku">One product, compared normalized.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PerPage">The page size, 1–200.</param>
public sealed record StagedChangeListParameters(
    [property: FromQuery(Name = "batch_id")] string? BatchId,
    [property: FromQuery(Name = "status")] string? Status,
    [property: FromQuery(Name = "change_type")] string? ChangeType,
    [property: FromQuery(Name = "has_conflicts")] string? HasConflicts,
    [property: FromQuery(Name = "source")] string? Source,
    [property: FromQuery(Name = "sku")] string? Sku,
    [property: FromQuery(Name = "page")] int? Page,
    [property: FromQuery(Name = "per_page")] int? PerPage);

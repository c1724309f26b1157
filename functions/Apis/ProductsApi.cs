using System.Text.Json.Nodes;
using CowansSync.Orchestrations.Domain.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/products</c>: the local catalog with each product's sync status, and each product's version history.</summary>
public static class ProductsApi
{
    // Far below the Table service's 1 KiB key limit even when every character is escaped (×5).
    private const int MaxSkuLength = 200;
    private static readonly string SkuRule = $"must be 1 to {MaxSkuLength} characters, not only whitespace";

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/products</c> group.</returns>
    public static RouteGroupBuilder MapProductsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/products").WithTags("Products");
        group.MapGet("/", ListProductsAsync).WithName("ListProducts");
        group.MapGet("/{sku}", GetProductAsync).WithName("GetProduct");
        group.MapGet("/{sku}/versions", ListVersionsAsync).WithName("ListProductVersions");
        return group;
    }

    /// <summary>Lists the local catalog by SKU.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">The stores.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming the bad parameter.</returns>
    public static async Task<Results<Ok<PagedList<JsonObject>>, BadRequest<ApiError>>> ListProductsAsync(
        int? page, [FromQuery(Name = "per_page")] int? perPage, [AsParameters] ProductsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The product query is invalid.", errors));
        }

        var found = await services.Products.ListAsync(pageNumber, pageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<JsonObject>([.. found.Items.Select(ProductView.Of)], found.Total, pageNumber, pageSize));
    }

    /// <summary>One local product with its sync status.</summary>
    /// <param name="sku">The SKU, any spelling.</param>
    /// <param name="services">The stores.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The product; 400 for an empty or overlong SKU; 404.</returns>
    public static async Task<Results<Ok<JsonObject>, BadRequest<ApiError>, NotFound<ApiError>>> GetProductAsync(
        string sku, [AsParameters] ProductsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (ParseSku(sku) is not { } parsed)
        {
            return TypedResults.BadRequest(InvalidSku());
        }

        return await services.Products.GetAsync(parsed, cancellationToken) is { } product
            ? TypedResults.Ok(ProductView.Of(product))
            : TypedResults.NotFound(UnknownProduct(parsed));
    }

    /// <summary>A product's versions, newest first.</summary>
    /// <param name="sku">The SKU, any spelling.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="perPage">The page size, 1–200.</param>
    /// <param name="services">The stores.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page; 400 naming the bad parameter; 404 when the product has neither versions nor a local record.</returns>
    public static async Task<Results<Ok<ProductVersionList>, BadRequest<ApiError>, NotFound<ApiError>>> ListVersionsAsync(
        string sku, int? page, [FromQuery(Name = "per_page")] int? perPage, [AsParameters] ProductsServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Validate(page, perPage, errors);
        var parsed = ParseSku(sku);
        if (parsed is null)
        {
            errors["sku"] = SkuRule;
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The version query is invalid.", errors));
        }

        var versions = await services.Versions.ListAsync(parsed!.Value, cancellationToken);
        var spelling = versions.Count > 0 ? versions[0].Sku.Original : (await services.Products.GetAsync(parsed.Value, cancellationToken))?.Sku.Original;
        if (spelling is null)
        {
            return TypedResults.NotFound(UnknownProduct(parsed.Value));
        }

        var items = versions.Select(ProductVersionItem.From).ToList().ToPage(pageNumber, pageSize);
        return TypedResults.Ok(new ProductVersionList(spelling, items.Items, items.Total, pageNumber, pageSize));
    }

    // Routing leaves an encoded '/' (%2F) encoded in the segment, so it is decoded here; everything else arrives decoded.
    private static Sku? ParseSku(string value)
    {
        var decoded = value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return decoded.Length <= MaxSkuLength && Sku.TryParse(decoded, out var sku) ? sku : null;
    }

    private static ApiError InvalidSku() => new("The SKU is invalid.", new Dictionary<string, object?> { ["sku"] = SkuRule });

    private static ApiError UnknownProduct(Sku sku) => new("No such product.", new Dictionary<string, object?> { ["sku"] = sku.Normalized });
}

using System.Text.Json.Nodes;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Products;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/products</c>: the local catalog with each product's sync status, and each product's version history.</summary>
/// <param name="products">The local catalog.</param>
/// <param name="versions">The product versions.</param>
public sealed class ProductsApi(ProductStore products, IProductVersionStore versions)
{
    // Far below the Table service's 1 KiB key limit even when every character is escaped (×5).
    private const int MaxSkuLength = 200;
    private static readonly string SkuRule = $"must be 1 to {MaxSkuLength} characters, not only whitespace";

    /// <summary>Lists the local catalog by SKU; paged by <c>page</c> (from 1) and <c>per_page</c> (1–200).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page, or 400 naming the bad parameter.</returns>
    [Function(nameof(ListProducts))]
    [Paged]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<PagedList<JsonObject>>, BadRequest<ApiError>>> ListProducts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products")] HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The product query is invalid.", errors));
        }

        var found = await products.ListAsync(pageNumber, pageSize, cancellationToken);
        return TypedResults.Ok(new PagedList<JsonObject>([.. found.Items.Select(ProductView.Of)], found.Total, pageNumber, pageSize));
    }

    /// <summary>One local product with its sync status.</summary>
    /// <param name="request">The request.</param>
    /// <param name="sku">The SKU, any spelling.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The product; 400 for an empty or overlong SKU; 404.</returns>
    [Function(nameof(GetProduct))]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<JsonObject>, BadRequest<ApiError>, NotFound<ApiError>>> GetProduct(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products/{sku}")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        if (ParseSku(sku) is not { } parsed)
        {
            return TypedResults.BadRequest(InvalidSku());
        }

        return await products.GetAsync(parsed, cancellationToken) is { } product
            ? TypedResults.Ok(ProductView.Of(product))
            : TypedResults.NotFound(UnknownProduct(parsed));
    }

    /// <summary>A product's versions, newest first; paged by <c>page</c> (from 1) and <c>per_page</c> (1–200).</summary>
    /// <param name="request">The request.</param>
    /// <param name="sku">The SKU, any spelling.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page; 400 naming the bad parameter; 404 when the product has neither versions nor a local record.</returns>
    [Function(nameof(ListProductVersions))]
    [Paged]
    [Authorize(Roles.Viewer)]
    public async Task<Results<Ok<ProductVersionList>, BadRequest<ApiError>, NotFound<ApiError>>> ListProductVersions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "products/{sku}/versions")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, object?>();
        var (pageNumber, pageSize) = Paging.Read(request, errors);
        var parsed = ParseSku(sku);
        if (parsed is null)
        {
            errors["sku"] = SkuRule;
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The version query is invalid.", errors));
        }

        var history = await versions.ListAsync(parsed!.Value, cancellationToken);
        var spelling = history.Count > 0 ? history[0].Sku.Original : (await products.GetAsync(parsed.Value, cancellationToken))?.Sku.Original;
        if (spelling is null)
        {
            return TypedResults.NotFound(UnknownProduct(parsed.Value));
        }

        var items = history.Select(ProductVersionItem.From).ToList().ToPage(pageNumber, pageSize);
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

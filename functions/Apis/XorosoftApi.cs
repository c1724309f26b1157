using CowansSync.Functions.Auth;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/xorosoft</c>: validate SKUs against the ERP, read one item live (the mirror answering when Xorosoft is down).</summary>
public static class XorosoftApi
{
    private const int MaxSkus = 1_000;

    /// <summary>Maps the routes.</summary>
    /// <param name="api">The <c>/api</c> group.</param>
    /// <returns>The <c>/api/xorosoft</c> group.</returns>
    public static RouteGroupBuilder MapXorosoftApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/xorosoft").WithTags("Xorosoft");
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Roles.Operator).WithName("ValidateXorosoftSkus");
        group.MapGet("/products/{sku}", GetProductAsync).WithName("GetXorosoftProduct");
        return group;
    }

    /// <summary>Checks which SKUs Xorosoft carries.</summary>
    /// <param name="request">The SKUs and the mode.</param>
    /// <param name="services">The Xorosoft adapters.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The verdicts; 400 naming a bad field; 503 when Xorosoft is not configured.</returns>
    public static async Task<IResult> ValidateAsync(ValidateSkusRequest request, [AsParameters] XorosoftServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(services);
        var errors = new Dictionary<string, object?>();
        if (request.ProductSkus is not { Count: > 0 and <= MaxSkus } skus || skus.Any(string.IsNullOrWhiteSpace))
        {
            errors["product_skus"] = $"must list 1 to {MaxSkus} non-empty SKUs";
        }

        var mode = XorosoftValidationMode.Strict;
        if (request.ValidationMode is not null && !WireName.TryParse(request.ValidationMode, out mode))
        {
            errors["validation_mode"] = $"must be one of {WireName.ListOf<XorosoftValidationMode>()}";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The validation request is invalid.", errors));
        }

        if (!services.IsConfigured)
        {
            return NotConfigured();
        }

        var items = request.ProductSkus!.Select((sku, i) => new CatalogItem { Sku = sku.Trim(), SourceFile = "request", SourceLine = i + 1 }).ToList();
        var lookups = await services.Catalog.ValidateAsync(items, mode, cancellationToken);
        var results = items.DistinctBy(i => i.Sku, StringComparer.Ordinal).ToDictionary(
            item => item.Sku,
            item => lookups.TryGetValue(item.Sku, out var lookup) ? ViewOf(lookup, mode) : new SkuValidation(false, null, 0m, null),
            StringComparer.Ordinal);
        return TypedResults.Ok(new ValidateSkusResult(results.Count, results));
    }

    /// <summary>One item, read live with its stock; from the mirror, saying so, when the live API fails.</summary>
    /// <param name="sku">The item number.</param>
    /// <param name="services">The Xorosoft adapters.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The item; 404 when neither knows it; 502 when Xorosoft failed and the mirror does not know it.</returns>
    public static async Task<IResult> GetProductAsync(string sku, [AsParameters] XorosoftServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.IsConfigured)
        {
            return NotConfigured();
        }

        string? liveError = null;
        try
        {
            var live = (await services.Client.GetProductAsync(sku, cancellationToken))
                .FirstOrDefault(i => string.Equals(i.ItemNumber, sku, StringComparison.OrdinalIgnoreCase));
            if (live is not null)
            {
                var stock = await services.Client.GetInventoryAsync(live.ItemNumber, [services.Options.Value.StockStore], cancellationToken);
                return TypedResults.Ok(ViewOf(live with { Stock = stock.Count > 0 ? stock[0].AvailableQuantity : null }, "live", services.Time.GetUtcNow(), null));
            }
        }
        catch (Exception error) when (error is XorosoftApiException or HttpRequestException or TimeoutException)
        {
            liveError = error.Message;
        }

        var mirrored = await services.Mirror.FindByItemNumberAsync(sku, cancellationToken);
        if (mirrored is not null && liveError is not null)
        {
            var state = await services.Mirror.GetStateAsync(cancellationToken);
            return TypedResults.Ok(ViewOf(mirrored, "mirror", state?.SyncedAt, liveError));
        }

        return liveError is null
            ? TypedResults.NotFound(new ApiError("Xorosoft has no such item.", new Dictionary<string, object?> { ["sku"] = sku }))
            : TypedResults.Json(new ApiError($"Xorosoft did not answer ({liveError}) and the mirror has no such item.", new Dictionary<string, object?> { ["sku"] = sku }), statusCode: StatusCodes.Status502BadGateway);
    }

    private static SkuValidation ViewOf(XorosoftLookup lookup, XorosoftValidationMode mode) => new(
        lookup.Validation.IsKnownUnder(mode),
        lookup.Validation.MatchType is { } type ? WireName.Of(type) : null,
        lookup.Validation.Confidence,
        lookup.Item is { } item ? ViewOf(item, "mirror", null, null) : null);

    private static XorosoftProductView ViewOf(XorosoftItem item, string source, DateTimeOffset? at, string? liveError) => new(
        item.BasePartNumber, item.ItemNumber, item.Title, item.Stock, item.Price, item.Cost, item.Manufacturer, item.Upc, source, at, liveError);

    private static JsonHttpResult<ApiError> NotConfigured()
        => TypedResults.Json(new ApiError("Xorosoft is not configured (Xorosoft__BaseUrl, __ApiKey, __ApiSecret)."), statusCode: StatusCodes.Status503ServiceUnavailable);
}

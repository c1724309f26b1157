using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Apis;

/// <summary><c>/api/xorosoft</c>: validate SKUs against the ERP, read one item live (the mirror answering when Xorosoft is down).</summary>
/// <param name="provider">Resolves the Xorosoft adapters only once Xorosoft is known to be configured.</param>
/// <param name="options">The Xorosoft settings.</param>
/// <param name="time">The clock.</param>
public sealed class XorosoftApi(IServiceProvider provider, IOptions<XorosoftOptions> options, TimeProvider time)
{
    private const int MaxSkus = 1_000;

    private bool IsConfigured => !string.IsNullOrEmpty(options.Value.BaseUrl);

    /// <summary>Checks which SKUs Xorosoft carries.</summary>
    /// <param name="request">The request; its body gives the SKUs and the mode.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The verdicts; 400 naming a bad field; 503 when Xorosoft is not configured.</returns>
    [Function(nameof(ValidateXorosoftSkus))]
    [JsonRequestBody(typeof(ValidateSkusRequest))]
    [ProducesResponseType(typeof(ValidateSkusResult), StatusCodes.Status200OK)]
    [Authorize(Roles.Operator)]
    public async Task<IResult> ValidateXorosoftSkus(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "xorosoft/validate")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync<ValidateSkusRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new Dictionary<string, object?>();
        if (body.ProductSkus is not { Count: > 0 and <= MaxSkus } skus || skus.Any(string.IsNullOrWhiteSpace))
        {
            errors["product_skus"] = $"must list 1 to {MaxSkus} non-empty SKUs";
        }

        var mode = XorosoftValidationMode.Strict;
        if (body.ValidationMode is not null && !WireName.TryParse(body.ValidationMode, out mode))
        {
            errors["validation_mode"] = $"must be one of {WireName.ListOf<XorosoftValidationMode>()}";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The validation request is invalid.", errors));
        }

        if (!IsConfigured)
        {
            return NotConfigured();
        }

        var items = body.ProductSkus!.Select((sku, i) => new CatalogItem { Sku = sku.Trim(), SourceFile = "request", SourceLine = i + 1 }).ToList();
        var lookups = await provider.GetRequiredService<IXorosoftCatalog>().ValidateAsync(items, mode, cancellationToken);
        var results = items.DistinctBy(i => i.LookupKey(), StringComparer.Ordinal).ToDictionary(
            item => item.LookupKey(),
            item => lookups.TryGetValue(item.LookupKey(), out var lookup) ? ViewOf(lookup, mode) : new SkuValidation(false, null, 0m, null),
            StringComparer.Ordinal);
        return TypedResults.Ok(new ValidateSkusResult(results.Count, results));
    }

    /// <summary>One item, read live with its stock; from the mirror, saying so, when the live API fails.</summary>
    /// <param name="request">The request.</param>
    /// <param name="sku">The item number.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The item; 404 when neither knows it; 502 when Xorosoft failed and the mirror does not know it.</returns>
    [Function(nameof(GetXorosoftProduct))]
    [ProducesResponseType(typeof(XorosoftProductView), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ApiError), StatusCodes.Status404NotFound)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> GetXorosoftProduct(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "xorosoft/products/{sku}")] HttpRequest request, string sku, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return NotConfigured();
        }

        var client = provider.GetRequiredService<XorosoftClient>();
        var mirror = provider.GetRequiredService<XorosoftMirror>();

        string? liveError = null;
        try
        {
            var live = (await client.GetProductAsync(sku, cancellationToken))
                .FirstOrDefault(i => string.Equals(i.ItemNumber, sku, StringComparison.OrdinalIgnoreCase));
            if (live is not null)
            {
                var stock = await client.GetInventoryAsync(live.ItemNumber, [options.Value.StockStore], cancellationToken);
                return TypedResults.Ok(ViewOf(live with { Stock = stock.Count > 0 ? stock[0].AvailableQuantity : null }, "live", time.GetUtcNow(), null));
            }
        }
        catch (Exception error) when (error is XorosoftApiException or HttpRequestException or TimeoutException)
        {
            liveError = error.Message;
        }

        var mirrored = await mirror.FindByItemNumberAsync(sku, cancellationToken);
        if (mirrored is not null && liveError is not null)
        {
            var state = await mirror.GetStateAsync(cancellationToken);
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

using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Inventory;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Inventory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>POST /api/xorosoft/sync/inventory</c> (operator): start an inventory sync — Xorosoft's stock into staged changes,
/// and with <c>update_shopify</c> into the store — and answer 202 with where to follow it; audited.
/// <c>GET /api/xorosoft/alerts</c> (viewer): the out-of-stock alerts the syncs opened.
/// </summary>
/// <param name="starter">Starts inventory syncs.</param>
/// <param name="alerts">The out-of-stock alerts.</param>
/// <param name="xorosoft">Whether Xorosoft is configured.</param>
/// <param name="audit">The audit log.</param>
public sealed class InventoryApi(InventoryStarter starter, StockAlertStore alerts, IOptions<XorosoftOptions> xorosoft, AuditLog audit)
{
    /// <summary>Starts an inventory sync.</summary>
    /// <param name="request">The request; its body says which products and whether to push.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 400 naming the field; 503 when Xorosoft is not configured.</returns>
    [Function(nameof(SyncXorosoftInventoryNow))]
    [JsonRequestBody(typeof(InventorySyncBody), Required = false)]
    [ProducesResponseType(typeof(InventorySyncStarted), StatusCodes.Status202Accepted)]
    [Authorize(Roles.Operator)]
    public async Task<IResult> SyncXorosoftInventoryNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "xorosoft/sync/inventory")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiBody.ReadAsync(request, new InventorySyncBody(null, null, null, null), cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (string.IsNullOrEmpty(xorosoft.Value.BaseUrl))
        {
            return TypedResults.Json(new ApiError("Xorosoft is not configured (Xorosoft__BaseUrl)."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var errors = new Dictionary<string, object?>();
        if (body.ToSettings(starter.DefaultBatchSize, errors, string.Empty) is not { } settings)
        {
            return TypedResults.BadRequest(new ApiError("The inventory sync request is invalid.", errors));
        }

        var user = request.HttpContext.User;
        var run = await starter.StartAsync(client, starter.NewRunId(), settings, user.GetCallerName(), cancellationToken);
        await audit.WriteAsync(user, "xorosoft_inventory.started", run.RunId, $"mode={WireName.Of(settings.Mode)} update_shopify={settings.UpdateShopify}", cancellationToken);
        return TypedResults.Accepted($"/api/runs/{run.RunId}", new InventorySyncStarted(run.RunId, WireName.Of(run.Status), $"/api/runs/{run.RunId}"));
    }

    /// <summary>The out-of-stock alerts, latest first; <c>status</c> <c>open</c> (the default), <c>resolved</c> or <c>all</c>; paged.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>The page; 400 naming the bad parameter.</returns>
    [Function(nameof(ListStockAlerts))]
    [Paged]
    [QueryParameter("status", typeof(string), "open (the default), resolved or all.")]
    [ProducesResponseType(typeof(PagedList<StockAlertView>), StatusCodes.Status200OK)]
    [Authorize(Roles.Viewer)]
    public async Task<IResult> ListStockAlerts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "xorosoft/alerts")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, object?>();
        var (page, perPage) = Paging.Read(request, errors);
        var status = request.Query["status"].ToString();
        if (status is not ("" or "open" or "resolved" or "all"))
        {
            errors["status"] = "must be open, resolved or all";
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The alert query is invalid.", errors));
        }

        var listed = await alerts.ListAsync(status switch { "all" => null, "" => "open", _ => status }, cancellationToken);
        return TypedResults.Ok(listed.ToPage(page, perPage));
    }
}

/// <summary>The body of <c>POST /api/xorosoft/sync/inventory</c>.</summary>
/// <param name="SyncMode"><c>all</c> (the default), <c>changed</c> (what Xorosoft's stock moved in this sync's refresh) or <c>specific</c>.</param>
/// <param name="ProductSkus">For <c>specific</c>: 1 to 1,000 SKUs.</param>
/// <param name="UpdateShopify">Whether the approved stock changes are pushed (default <see langword="false"/>: staged only).</param>
/// <param name="BatchSize">Products per batch, 1 to 1,000 (default <c>Inventory__BatchSize</c>).</param>
public sealed record InventorySyncBody(string? SyncMode, IReadOnlyList<string?>? ProductSkus, bool? UpdateShopify, int? BatchSize)
{
    private const int MaxSkus = 1_000;
    private const int MaxBatchSize = 1_000;

    /// <summary>The sync this body asks for, or what is wrong with it.</summary>
    /// <param name="defaultBatchSize">The batch size when it gives none.</param>
    /// <param name="errors">Where each invalid field goes, by its path.</param>
    /// <param name="path">The body's path in the request (e.g. <c>operations[1].config.</c>); empty at the top.</param>
    /// <returns>The settings, or <see langword="null"/> when a field is invalid.</returns>
    public InventorySyncSettings? ToSettings(int defaultBatchSize, Dictionary<string, object?> errors, string path)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count;
        InventorySyncMode? mode = SyncMode switch
        {
            null or "all" => InventorySyncMode.All,
            "changed" => InventorySyncMode.Changed,
            "specific" => InventorySyncMode.Specific,
            _ => null,
        };
        if (mode is null)
        {
            errors[$"{path}sync_mode"] = "must be all, changed or specific";
        }

        var skus = ProductSkus ?? [];
        if (mode == InventorySyncMode.Specific && skus.Count is 0 or > MaxSkus)
        {
            errors[$"{path}product_skus"] = $"must list 1 to {MaxSkus} SKUs for a specific sync";
        }

        for (var i = 0; i < skus.Count; i++)
        {
            if (!Sku.TryParse(skus[i], out _))
            {
                errors[$"{path}product_skus[{i}]"] = "must be a SKU";
            }
        }

        if (BatchSize is < 1 or > MaxBatchSize)
        {
            errors[$"{path}batch_size"] = $"must be between 1 and {MaxBatchSize}";
        }

        return errors.Count > count
            ? null
            : new InventorySyncSettings(mode!.Value, mode == InventorySyncMode.Specific ? [.. skus.OfType<string>()] : null, UpdateShopify ?? false, BatchSize ?? defaultBatchSize);
    }
}

/// <summary>The answer to an inventory sync request: the run, to follow at <see cref="StatusUrl"/>.</summary>
/// <param name="SyncId">The run's id (the seeds' <c>sync_id</c>).</param>
/// <param name="Status">Its status now.</param>
/// <param name="StatusUrl">Where to read it; its counters are the summary <c>{products_checked, inventory_updates, out_of_stock_alerts, …}</c>.</param>
public sealed record InventorySyncStarted(string SyncId, string Status, string StatusUrl)
{
    /// <summary>The run's id, as every run-starting answer names it (the same as the seeds' <c>sync_id</c>).</summary>
    public string RunId => SyncId;
}

using System.Text.RegularExpressions;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Pull;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Pull;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Apis;

/// <summary>
/// <c>POST /api/sync/shopify/pull</c> and its seed alias <c>POST /api/shopify/sync/down</c> (operator): start a pull of
/// Shopify's products into the local catalog and answer 202 with where to follow it. Both are audited.
/// </summary>
/// <param name="starter">Starts pull runs.</param>
/// <param name="audit">The audit log.</param>
public sealed partial class PullApi(PullStarter starter, AuditLog audit)
{
    private const int MaxProductIds = 1000;

    /// <summary>Starts a full or incremental pull.</summary>
    /// <param name="request">The request; its body says which pull.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 400 naming the field.</returns>
    [Function(nameof(PullFromShopify))]
    [JsonRequestBody(typeof(PullShopifyRequest), Required = false)]
    [ProducesResponseType(typeof(PullStarted), StatusCodes.Status202Accepted)]
    [Authorize(Roles.Operator)]
    public async Task<IResult> PullFromShopify(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sync/shopify/pull")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new PullShopifyRequest(null, null, null), cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (ModeOf(body.SyncType, allowSelective: false) is not { } mode)
        {
            return TypedResults.BadRequest(new ApiError("The pull request is invalid.", new Dictionary<string, object?> { ["sync_type"] = "must be incremental or full" }));
        }

        return await StartAsync(request, client, new PullSettings(mode, UpdatedSince: body.Filters?.UpdatedSince), cancellationToken);
    }

    /// <summary>Starts a pull as the seeds' front end asks for one: full, incremental or selective.</summary>
    /// <param name="request">The request; its body says which pull.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 400 naming the field.</returns>
    [Function(nameof(SyncDownFromShopify))]
    [ProducesResponseType(typeof(PullStarted), StatusCodes.Status202Accepted)]
    [Authorize(Roles.Operator)]
    public Task<IResult> SyncDownFromShopify(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shopify/sync/down")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
        => SyncDownAsync(request, client, cancellationToken);

    /// <summary>The seeds' <c>POST /api/shopify/sync-down/start</c>: as <see cref="SyncDownFromShopify"/>; follow it at <c>/api/shopify/sync-down/status/{batch_id}</c>.</summary>
    /// <param name="request">The request; its body says which pull.</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>202 with the run; 400 naming the field.</returns>
    [Function(nameof(StartSyncDown))]
    [JsonRequestBody(typeof(SyncDownRequest), Required = false)]
    [ProducesResponseType(typeof(PullStarted), StatusCodes.Status202Accepted)]
    [Authorize(Roles.Operator)]
    public Task<IResult> StartSyncDown(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shopify/sync-down/start")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
        => SyncDownAsync(request, client, cancellationToken);

    private async Task<IResult> SyncDownAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiBody.ReadAsync(request, new SyncDownRequest(null, null, null), cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        var errors = new Dictionary<string, object?>();
        var mode = ModeOf(body.SyncMode, allowSelective: true);
        if (mode is null)
        {
            errors["sync_mode"] = "must be full, incremental or selective";
        }

        var ids = body.ProductIds ?? [];
        if (mode == PullMode.Selective && ids.Count is 0 or > MaxProductIds)
        {
            errors["product_ids"] = $"must list 1 to {MaxProductIds} product GIDs for a selective pull";
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] is not { } id || !ProductGid().IsMatch(id))
            {
                errors[$"product_ids[{i}]"] = "must be a Shopify product GID, e.g. gid://shopify/Product/1001";
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.BadRequest(new ApiError("The pull request is invalid.", errors));
        }

        var settings = new PullSettings(mode!.Value, mode == PullMode.Selective ? [.. ids.OfType<string>()] : null, body.SinceDate);
        return await StartAsync(request, client, settings, cancellationToken);
    }

    private async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, PullSettings settings, CancellationToken cancellationToken)
    {
        var user = request.HttpContext.User;
        var run = await starter.StartAsync(client, starter.NewRunId(), settings, user.GetCallerName(), cancellationToken);
        await audit.WriteAsync(user, "shopify_pull.started", run.RunId, $"mode={WireName.Of(settings.Mode)}", cancellationToken);
        return TypedResults.Accepted($"/api/runs/{run.RunId}", new PullStarted(run.RunId, WireName.Of(run.Status), $"/api/runs/{run.RunId}"));
    }

    private static PullMode? ModeOf(string? name, bool allowSelective) => name switch
    {
        null or "incremental" => PullMode.Incremental,
        "full" => PullMode.Full,
        "selective" when allowSelective => PullMode.Selective,
        _ => null,
    };

    [GeneratedRegex(@"^gid://shopify/Product/[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductGid();
}

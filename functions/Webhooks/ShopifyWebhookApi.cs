using System.Text.Json;
using CowansSync.Functions.Apis;
using CowansSync.Functions.Apis.OpenApi;
using CowansSync.Functions.Audit;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Shopify;
using CowansSync.Functions.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Webhooks;

/// <summary>
/// <c>POST /api/shopify/webhooks</c> (anonymous, HMAC-verified): Shopify's deliveries, checked and queued for
/// <see cref="ShopifyWebhookProcessor"/> within Shopify's 5 s; and <c>POST /api/shopify/webhooks/register</c> (admin),
/// which subscribes the app's address to the topics it processes.
/// </summary>
/// <param name="shopify">The webhook secret.</param>
/// <param name="events">The events already taken.</param>
/// <param name="storage">The queue.</param>
/// <param name="subscriptions">Shopify's subscriptions.</param>
/// <param name="audit">The audit log.</param>
/// <param name="logger">Reports refused deliveries (never their secrets).</param>
public sealed partial class ShopifyWebhookApi(
    IOptions<ShopifyOptions> shopify, WebhookEventLog events, StorageClients storage, ShopifyWebhookSubscriptions subscriptions, AuditLog audit, ILogger<ShopifyWebhookApi> logger)
{
    /// <summary>The queue deliveries wait in.</summary>
    public const string QueueName = "shopify-webhooks";

    // Shopify's largest payloads (a product with many variants and images) stay well under this.
    private const int MaxBodyBytes = 2 * 1024 * 1024;

    /// <summary>Takes one delivery: the signature is checked over the raw body before anything else; a valid, new event is queued.</summary>
    /// <param name="request">Shopify's POST.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 when taken (or already taken); 401 with a missing or wrong signature, nothing stored; 400 without a topic or a JSON body; 413 over 2 MiB.</returns>
    [Function(nameof(ReceiveShopifyWebhook))]
    [JsonRequestBody(typeof(JsonElement))]
    [ProducesResponseType(typeof(WebhookTaken), StatusCodes.Status200OK)]
    [AllowAnonymous]
    public async Task<IResult> ReceiveShopifyWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "shopify/webhooks")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
            {
                return TypedResults.Json(new ApiError($"The webhook body is over {MaxBodyBytes / 1048576} MiB."), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(buffer, 0, read);
        }

        var secret = shopify.Value.WebhookSecret ?? shopify.Value.ClientSecret;
        if (string.IsNullOrEmpty(secret) || !ShopifyWebhookSignature.IsValid(secret, body.GetBuffer().AsSpan(0, (int)body.Length), request.Headers["X-Shopify-Hmac-Sha256"]))
        {
            LogRefused(request.Headers["X-Shopify-Topic"].ToString(), string.IsNullOrEmpty(secret) ? "no webhook secret is set (Shopify__WebhookSecret)" : "the signature is missing or wrong");
            return TypedResults.Json(new ApiError("The webhook signature is missing or wrong."), statusCode: StatusCodes.Status401Unauthorized);
        }

        var topic = request.Headers["X-Shopify-Topic"].ToString();
        var eventId = request.Headers["X-Shopify-Event-Id"].ToString() is { Length: > 0 } id ? id : request.Headers["X-Shopify-Webhook-Id"].ToString();
        if (topic.Length == 0 || eventId.Length == 0)
        {
            return TypedResults.BadRequest(new ApiError("The webhook has no X-Shopify-Topic or no X-Shopify-Event-Id / X-Shopify-Webhook-Id."));
        }

        if (ResourceOf(topic, body.ToArray()) is not var (resourceId, valid) || !valid)
        {
            return TypedResults.BadRequest(new ApiError("The webhook body is not a JSON object."));
        }

        if (await events.WasTakenAsync(eventId, cancellationToken))
        {
            return TypedResults.Ok(new WebhookTaken(eventId, Duplicate: true));
        }

        var triggeredAt = DateTimeOffset.TryParse(request.Headers["X-Shopify-Triggered-At"].ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        var queue = await storage.GetQueueAsync(QueueName, cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ShopifyWebhookMessage(topic, eventId, resourceId, triggeredAt), JsonSerializerOptions.Web), cancellationToken);
        await events.RecordAsync(eventId, topic, cancellationToken);
        return TypedResults.Ok(new WebhookTaken(eventId, Duplicate: false));
    }

    /// <summary>Subscribes <c>callback_url</c> to every topic the app processes that it is not subscribed to yet.</summary>
    /// <param name="request">The request; its body names the address.</param>
    /// <param name="cancellationToken">Aborted with the request.</param>
    /// <returns>200 with the topics; 400 naming the field.</returns>
    [Function(nameof(RegisterShopifyWebhooks))]
    [JsonRequestBody(typeof(RegisterWebhooksRequest))]
    [ProducesResponseType(typeof(WebhooksRegistered), StatusCodes.Status200OK)]
    [Authorize(Roles.Admin)]
    public async Task<IResult> RegisterShopifyWebhooks(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "shopify/webhooks/register")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiBody.ReadAsync<RegisterWebhooksRequest>(request, cancellationToken);
        if (body is null)
        {
            return invalid!;
        }

        if (!Uri.TryCreate(body.CallbackUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return TypedResults.BadRequest(new ApiError("The registration is invalid.", new Dictionary<string, object?> { ["callback_url"] = "must be the app's absolute https URL of /api/shopify/webhooks" }));
        }

        var created = await subscriptions.RegisterAsync(uri, cancellationToken);
        await audit.WriteAsync(request.HttpContext.User, "shopify_webhooks.registered", uri.AbsoluteUri, $"created={string.Join(',', created)}", cancellationToken);
        return TypedResults.Ok(new WebhooksRegistered(uri.AbsoluteUri, ShopifyWebhookSubscriptions.Topics, created));
    }

    // The resource a delivery names, as a GID: Shopify's admin_graphql_api_id when the payload has one.
    private static (string? ResourceId, bool Valid)? ResourceOf(string topic, byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, false);
            }

            var root = json.RootElement;
            string? Gid(string property, string type) => root.TryGetProperty(property, out var id) && id.ValueKind == JsonValueKind.Number ? $"gid://shopify/{type}/{id.GetRawText()}" : null;
            return topic switch
            {
                "inventory_levels/update" => (Gid("inventory_item_id", "InventoryItem"), true),
                _ when root.TryGetProperty("admin_graphql_api_id", out var gid) && gid.ValueKind == JsonValueKind.String => (gid.GetString(), true),
                _ => (Gid("id", "Product"), true),
            };
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Refused a Shopify webhook ({Topic}): {Reason}")]
    private partial void LogRefused(string topic, string reason);
}

using System.Globalization;
using CowansSync.Functions.Shopify;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Pull;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Webhooks;

/// <summary>
/// The <c>ProcessShopifyWebhook</c> queue function: each queued delivery goes through the same per-product sync as a
/// pull (<see cref="PullSync"/>), on the product's state read from Shopify now — so deliveries out of order, repeated or
/// late all end in the store's latest state, and never in an older one.
/// </summary>
/// <remarks>
/// Idempotent: a product's version is recorded once per event (its change id derives from the event), and a product
/// already holding the store's values plans nothing. A delivery that keeps failing ends in the poison queue.
/// </remarks>
/// <param name="store">Reads the store's products.</param>
/// <param name="subscriptions">Finds an inventory item's product.</param>
/// <param name="sync">The per-product sync.</param>
/// <param name="logger">Reports what each delivery did.</param>
public sealed partial class ShopifyWebhookProcessor(IStorePull store, ShopifyWebhookSubscriptions subscriptions, PullSync sync, ILogger<ShopifyWebhookProcessor> logger)
{
    /// <summary>Who versions from webhooks name as their actor.</summary>
    public const string Actor = "shopify-webhook";

    /// <summary>Processes one delivery.</summary>
    /// <param name="message">The delivery.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the delivery is processed.</returns>
    [Function("ProcessShopifyWebhook")]
    public async Task RunAsync([QueueTrigger(ShopifyWebhookApi.QueueName, Connection = "SyncStorage")] ShopifyWebhookMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var productId = message.Topic switch
        {
            "products/create" or "products/update" => message.ResourceId,
            "inventory_levels/update" when message.ResourceId is { } item => await subscriptions.ProductOfInventoryItemAsync(item, cancellationToken),
            _ => null,
        };
        if (productId is null)
        {
            // products/delete and bulk_operations/finish are taken, not acted on: a deleted product keeps its local history, and bulk steps poll.
            LogNotSynced(message.Topic, message.EventId);
            return;
        }

        var legacyId = productId[(productId.LastIndexOf('/') + 1)..];
        var page = await store.ReadPageAsync(string.Create(CultureInfo.InvariantCulture, $"id:{legacyId}"), null, cancellationToken);
        var counters = await sync.ApplyAsync($"webhook-{message.EventId}", page.Products, Actor, cancellationToken);
        LogSynced(message.Topic, message.EventId, productId, counters.GetValueOrDefault(PullCounters.TotalChanges), counters.GetValueOrDefault(PullCounters.Conflicts));
    }

    [LoggerMessage(1, LogLevel.Information, "Shopify webhook {Topic} ({EventId}) taken without a sync")]
    private partial void LogNotSynced(string topic, string eventId);

    [LoggerMessage(2, LogLevel.Information, "Shopify webhook {Topic} ({EventId}) synced {ProductId}: {Changes} local change(s), {Conflicts} conflict(s)")]
    private partial void LogSynced(string topic, string eventId, string productId, long changes, long conflicts);
}

using System.Globalization;
using CowansSync.Functions.Shopify;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Pull;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Webhooks;

/// <summary>
/// The <c>ProcessShopifyWebhook</c> queue function: each queued delivery goes through the same per-product sync as a
/// pull (<see cref="PullSync"/>), on the product's state read from Shopify now — so deliveries out of order, repeated or
/// late all end in the store's latest state, and never in an older one. A deleted product is detached from the store
/// (<see cref="PullSync.DeleteAsync"/>); a finished bulk operation wakes the orchestration polling it.
/// </summary>
/// <remarks>
/// Idempotent: a product's version is recorded once per event (its change id derives from the event), a product
/// already holding the store's values plans nothing, one already detached is left alone, and a second wake-up only
/// costs the orchestration an early check. A delivery that keeps failing ends in the poison queue.
/// </remarks>
/// <param name="store">Reads the store's products.</param>
/// <param name="subscriptions">Finds an inventory item's product.</param>
/// <param name="sync">The per-product sync.</param>
/// <param name="waiters">Which orchestration polls which bulk operation.</param>
/// <param name="time">When a deletion without a trigger time happened.</param>
/// <param name="logger">Reports what each delivery did.</param>
public sealed partial class ShopifyWebhookProcessor(
    IStorePull store, ShopifyWebhookSubscriptions subscriptions, PullSync sync, BulkOperationWaiters waiters, TimeProvider time, ILogger<ShopifyWebhookProcessor> logger)
{
    /// <summary>Who versions from webhooks name as their actor.</summary>
    public const string Actor = "shopify-webhook";

    /// <summary>Processes one delivery.</summary>
    /// <param name="message">The delivery.</param>
    /// <param name="client">Wakes orchestrations.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the delivery is processed.</returns>
    [Function("ProcessShopifyWebhook")]
    public async Task RunAsync(
        [QueueTrigger(ShopifyWebhookApi.QueueName, Connection = "SyncStorage")] ShopifyWebhookMessage message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(client);
        switch (message.Topic, message.ResourceId)
        {
            case ("products/create" or "products/update", { } productId):
                await SyncAsync(message, productId, cancellationToken);
                break;
            case ("inventory_levels/update", { } itemId) when await subscriptions.ProductOfInventoryItemAsync(itemId, cancellationToken) is { } productId:
                await SyncAsync(message, productId, cancellationToken);
                break;
            case ("products/delete", { } productId):
                var detached = await sync.DeleteAsync(RunIdOf(message), productId, message.TriggeredAt ?? time.GetUtcNow(), Actor, cancellationToken);
                LogDeleted(message.EventId, productId, detached?.Normalized ?? "no local product");
                break;
            case ("bulk_operations/finish", { } operationId):
                await WakeAsync(client, message, operationId, cancellationToken);
                break;
            default:
                LogNotSynced(message.Topic, message.EventId);
                break;
        }
    }

    private static string RunIdOf(ShopifyWebhookMessage message) => $"webhook-{message.EventId}";

    private async Task SyncAsync(ShopifyWebhookMessage message, string productId, CancellationToken cancellationToken)
    {
        var legacyId = productId[(productId.LastIndexOf('/') + 1)..];
        var page = await store.ReadPageAsync(string.Create(CultureInfo.InvariantCulture, $"id:{legacyId}"), null, cancellationToken);
        var counters = await sync.ApplyAsync(RunIdOf(message), page.Products, Actor, cancellationToken);
        LogSynced(message.Topic, message.EventId, productId, counters.GetValueOrDefault(PullCounters.TotalChanges), counters.GetValueOrDefault(PullCounters.Conflicts));
    }

    private async Task WakeAsync(DurableTaskClient client, ShopifyWebhookMessage message, string operationId, CancellationToken cancellationToken)
    {
        // An operation nobody polls (started elsewhere, or its orchestration ended) has no one to wake.
        if (await waiters.FindAsync(operationId, cancellationToken) is not { } instanceId
            || await client.GetInstanceAsync(instanceId, cancellationToken) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running })
        {
            LogNotSynced(message.Topic, message.EventId);
            return;
        }

        await client.RaiseEventAsync(instanceId, BulkOperationWatch.FinishedEvent, operationId, cancellationToken);
        LogWoken(message.EventId, operationId, instanceId);
    }

    [LoggerMessage(1, LogLevel.Information, "Shopify webhook {Topic} ({EventId}) taken without a sync")]
    private partial void LogNotSynced(string topic, string eventId);

    [LoggerMessage(2, LogLevel.Information, "Shopify webhook {Topic} ({EventId}) synced {ProductId}: {Changes} local change(s), {Conflicts} conflict(s)")]
    private partial void LogSynced(string topic, string eventId, string productId, long changes, long conflicts);

    [LoggerMessage(3, LogLevel.Information, "Shopify webhook products/delete ({EventId}) for {ProductId}: detached {Sku}")]
    private partial void LogDeleted(string eventId, string productId, string sku);

    [LoggerMessage(4, LogLevel.Information, "Shopify webhook bulk_operations/finish ({EventId}) for {OperationId} woke {InstanceId}")]
    private partial void LogWoken(string eventId, string operationId, string instanceId);
}

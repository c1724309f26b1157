namespace CowansSync.Functions.Webhooks;

/// <summary>
/// A verified webhook delivery as queued for processing: which resource changed, not the payload — processing reads the
/// resource's current state from Shopify, so the message stays small and an old delivery cannot carry an old state.
/// </summary>
/// <param name="Topic">E.g. <c>products/update</c>.</param>
/// <param name="EventId"><c>X-Shopify-Event-Id</c> (or the webhook id when absent): one per event, shared by its retries.</param>
/// <param name="ResourceId">The resource's GID: the product, the inventory item, or the bulk operation.</param>
/// <param name="TriggeredAt"><c>X-Shopify-Triggered-At</c>, when Shopify sent the event.</param>
public sealed record ShopifyWebhookMessage(string Topic, string EventId, string? ResourceId, DateTimeOffset? TriggeredAt);

namespace CowansSync.Functions.Shopify;

// Response shapes of the webhook documents, named after their GraphQL types.
internal sealed record WebhookSubscriptionsData(NodeList<WebhookSubscriptionNode> WebhookSubscriptions);

internal sealed record WebhookSubscriptionNode(string Id, string Topic, string? Uri);

internal sealed record CreateWebhookSubscriptionData(CreateWebhookSubscriptionPayload WebhookSubscriptionCreate);

internal sealed record CreateWebhookSubscriptionPayload(WebhookSubscriptionNode? WebhookSubscription, IReadOnlyList<BulkUserError>? UserErrors);

internal sealed record InventoryItemProductData(InventoryItemProductNode? InventoryItem);

internal sealed record InventoryItemProductNode(InventoryItemVariantNode? Variant);

internal sealed record InventoryItemVariantNode(ProductIdNode Product);

internal sealed record ProductIdNode(string Id);

namespace CowansSync.Functions.Shopify;

/// <summary>The app's webhook subscriptions in Shopify (<c>webhookSubscriptionCreate</c>), and the lookups its deliveries need.</summary>
/// <param name="client">The Admin API.</param>
public sealed class ShopifyWebhookSubscriptions(ShopifyGraphQLClient client)
{
    /// <summary>The topics the app processes, as <c>WebhookSubscriptionTopic</c> spells them.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_LEVELS_UPDATE", "BULK_OPERATIONS_FINISH"];

    private static readonly ShopifyDocument s_list = ShopifyDocument.Load("WebhookSubscriptions", estimatedCost: 52);
    private static readonly ShopifyDocument s_create = ShopifyDocument.Load("CreateWebhookSubscription", estimatedCost: 10);
    private static readonly ShopifyDocument s_inventoryItemProduct = ShopifyDocument.Load("InventoryItemProduct", estimatedCost: 3);

    /// <summary>Subscribes <paramref name="uri"/> to every topic of <see cref="Topics"/> it is not subscribed to yet, so registering again creates nothing.</summary>
    /// <param name="uri">The app's webhook address (<c>https://…/api/shopify/webhooks</c>).</param>
    /// <param name="cancellationToken">Stops the requests.</param>
    /// <returns>The topics newly subscribed.</returns>
    /// <exception cref="ShopifyGraphQLException">Shopify refused a subscription; the message says why.</exception>
    public async Task<IReadOnlyList<string>> RegisterAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var existing = (await client.ExecuteAsync<WebhookSubscriptionsData>(s_list, new { uri = uri.AbsoluteUri }, cancellationToken).ConfigureAwait(false))
            .WebhookSubscriptions.Nodes.Select(node => node.Topic).ToHashSet(StringComparer.Ordinal);
        var created = new List<string>();
        foreach (var topic in Topics.Where(topic => !existing.Contains(topic)))
        {
            var payload = (await client.ExecuteAsync<CreateWebhookSubscriptionData>(s_create, new { topic, uri = uri.AbsoluteUri }, cancellationToken).ConfigureAwait(false)).WebhookSubscriptionCreate;
            if (payload.UserErrors is [var error, ..])
            {
                throw new ShopifyGraphQLException(s_create.Name, [$"{topic}: {error.Message}"], null);
            }

            created.Add(topic);
        }

        return created;
    }

    /// <summary>The product an inventory item belongs to.</summary>
    /// <param name="inventoryItemId">The item's GID.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>The product's GID, or <see langword="null"/> when Shopify has no such item.</returns>
    public async Task<string?> ProductOfInventoryItemAsync(string inventoryItemId, CancellationToken cancellationToken)
        => (await client.ExecuteAsync<InventoryItemProductData>(s_inventoryItemProduct, new { id = inventoryItemId }, cancellationToken).ConfigureAwait(false))
            .InventoryItem?.Variant?.Product.Id;
}

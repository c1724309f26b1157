namespace CowansSync.Functions.Webhooks;

/// <summary>The answer to a delivery.</summary>
/// <param name="EventId">The event.</param>
/// <param name="Duplicate">Whether it had been taken before (and was not queued again).</param>
public sealed record WebhookTaken(string EventId, bool Duplicate);

/// <summary>The body of <c>POST /api/shopify/webhooks/register</c>.</summary>
/// <param name="CallbackUrl">The app's address of <c>/api/shopify/webhooks</c>, as Shopify reaches it.</param>
public sealed record RegisterWebhooksRequest(string? CallbackUrl);

/// <summary>What a registration did.</summary>
/// <param name="CallbackUrl">The address.</param>
/// <param name="Topics">Every topic it is subscribed to now.</param>
/// <param name="Created">The topics this call subscribed it to.</param>
public sealed record WebhooksRegistered(string CallbackUrl, IReadOnlyList<string> Topics, IReadOnlyList<string> Created);

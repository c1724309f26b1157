namespace CowansSync.Orchestrations.Ports;

/// <summary>One of Shopify's <c>userErrors</c>, or an error of the request itself.</summary>
/// <param name="Field">The input path Shopify names, joined with dots, if any.</param>
/// <param name="Message">Shopify's message.</param>
/// <param name="Code">Shopify's code, if any (e.g. <c>CHANGE_FROM_QUANTITY_STALE</c>).</param>
public sealed record ShopifyUserError(string? Field, string Message, string? Code)
{
    /// <inheritdoc />
    public override string ToString() => (Field is null ? Message : $"{Field}: {Message}") + (Code is null ? string.Empty : $" ({Code})");
}

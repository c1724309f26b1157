using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>
/// A field that changed both locally and in Shopify since the last synced version, to different values.
/// </summary>
/// <param name="Sku">The product.</param>
/// <param name="Field">The field's API name.</param>
/// <param name="BaseValue">The value at the last synced version (JSON <c>null</c> when never synced).</param>
/// <param name="LocalValue">The local catalog's value now.</param>
/// <param name="ShopifyValue">Shopify's value now.</param>
/// <param name="LocalChange">Who changed the local value and when, if known.</param>
/// <param name="ShopifyChange">When Shopify's value changed, if known.</param>
/// <param name="Suggestion">The automatic resolution, or the reason a person must decide.</param>
public sealed record FieldConflict(
    Sku Sku,
    string Field,
    JsonElement BaseValue,
    JsonElement LocalValue,
    JsonElement ShopifyValue,
    FieldProvenance? LocalChange,
    FieldProvenance? ShopifyChange,
    AutoResolution Suggestion)
{
    /// <summary>
    /// Whether a resolution of this conflict may be reused for <paramref name="other"/>
    /// (<c>apply_to_similar</c>): same field, same local value, same Shopify value.
    /// </summary>
    /// <param name="other">Another open conflict, of any product.</param>
    /// <returns><see langword="true"/> when the same choice means the same outcome there.</returns>
    public bool IsSimilarTo(FieldConflict other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Field, other.Field, StringComparison.Ordinal)
            && JsonElement.DeepEquals(LocalValue, other.LocalValue)
            && JsonElement.DeepEquals(ShopifyValue, other.ShopifyValue);
    }
}

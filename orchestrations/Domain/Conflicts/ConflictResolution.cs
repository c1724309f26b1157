using System.Text.Json;

namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>A person's (or the auto-resolver's) decision on a conflict: the API's resolve request.</summary>
/// <param name="Resolution">Which value wins.</param>
/// <param name="CustomValue">The value to use with <see cref="ResolutionChoice.Custom"/>.</param>
/// <param name="ApplyToSimilar">Whether to settle similar open conflicts the same way.</param>
public sealed record ConflictResolution(ResolutionChoice Resolution, JsonElement? CustomValue = null, bool ApplyToSimilar = false)
{
    /// <summary>Checks the request, naming each bad field.</summary>
    /// <returns>Field name → message; empty when valid.</returns>
    public IReadOnlyDictionary<string, string> Validate()
        => Resolution == ResolutionChoice.Custom && CustomValue is null or { ValueKind: JsonValueKind.Undefined }
            ? new Dictionary<string, string> { ["custom_value"] = "Required when resolution is 'custom'." }
            : new Dictionary<string, string>();

    /// <summary>The value that settles <paramref name="conflict"/>.</summary>
    /// <param name="conflict">The conflict.</param>
    /// <returns>The local, Shopify or custom value.</returns>
    /// <exception cref="InvalidOperationException">A custom resolution without a value.</exception>
    public JsonElement ValueFor(FieldConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return Resolution switch
        {
            ResolutionChoice.UseLocal => conflict.LocalValue,
            ResolutionChoice.UseShopify => conflict.ShopifyValue,
            _ => CustomValue ?? throw new InvalidOperationException("A custom resolution needs a custom value."),
        };
    }

    /// <summary>The conflicts this decision settles: the one resolved, plus similar open ones when asked.</summary>
    /// <param name="resolved">The conflict the decision was made on.</param>
    /// <param name="openConflicts">The other unresolved conflicts.</param>
    /// <returns><paramref name="resolved"/> first, then the similar ones (<see cref="FieldConflict.IsSimilarTo"/>).</returns>
    public IReadOnlyList<FieldConflict> Settles(FieldConflict resolved, IEnumerable<FieldConflict> openConflicts)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(openConflicts);
        return ApplyToSimilar
            ? [resolved, .. openConflicts.Where(c => !IsSameConflict(c, resolved) && resolved.IsSimilarTo(c))]
            : [resolved];
    }

    // A product has at most one open conflict per field, so SKU and field identify a conflict.
    private static bool IsSameConflict(FieldConflict left, FieldConflict right)
        => left.Sku == right.Sku && string.Equals(left.Field, right.Field, StringComparison.Ordinal);
}

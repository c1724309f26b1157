using System.Text.Json;

namespace CowansSync.Orchestrations.Domain;

/// <summary>
/// The snake_case spelling of domain enums as they appear in JSON, the API and Table storage
/// (<c>EtilizeImport</c> ↔ <c>etilize_import</c>).
/// </summary>
public static class WireName
{
    /// <summary>The wire spelling of <paramref name="value"/>.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value to spell.</param>
    /// <returns>The snake_case name, e.g. <c>pull_from_shopify</c>.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Reads a wire spelling back into its enum value; exact, case-sensitive match only.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The snake_case name.</param>
    /// <param name="value">The parsed value when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a value of <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every wire spelling of <typeparamref name="TEnum"/>, for error messages.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The names joined with ", ".</returns>
    public static string ListOf<TEnum>()
        where TEnum : struct, Enum
        => string.Join(", ", Enum.GetValues<TEnum>().Select(Of));
}

using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>One field a change alters: the API's <c>field_changes{field: {old, new, change_percent}}</c>.</summary>
/// <param name="Field">The field's API name, e.g. <c>price</c>.</param>
/// <param name="Old">The value before; JSON <c>null</c> when there was none.</param>
/// <param name="New">The value after; JSON <c>null</c> when removed.</param>
/// <param name="ChangePercent">
/// For numbers, (new − old) / |old| × 100 rounded to 2 decimals; <see langword="null"/> when old is 0 or
/// either side is missing, because no percentage describes a change from nothing.
/// </param>
public sealed record FieldChange(string Field, JsonElement Old, JsonElement New, decimal? ChangePercent)
{
    /// <summary>The change of <paramref name="field"/> between two versions of a product.</summary>
    /// <param name="field">The field.</param>
    /// <param name="current">The product before, or <see langword="null"/> for a create.</param>
    /// <param name="proposed">The product after, or <see langword="null"/> for a delete.</param>
    /// <returns>The change, whether or not the values differ.</returns>
    public static FieldChange Of(ProductField field, Product? current, Product? proposed)
    {
        ArgumentNullException.ThrowIfNull(field);
        var old = field.ValueOf(current);
        var @new = field.ValueOf(proposed);
        return new FieldChange(field.Name, old, @new, field.IsNumeric ? PercentChange(NumberOf(old), NumberOf(@new)) : null);
    }

    /// <summary>The old value as a number, when it is one.</summary>
    public decimal? OldNumber => NumberOf(Old);

    /// <summary>The new value as a number, when it is one.</summary>
    public decimal? NewNumber => NumberOf(New);

    /// <summary>(new − old) / |old| × 100, rounded half away from zero to 2 decimals.</summary>
    /// <param name="old">The value before.</param>
    /// <param name="new">The value after.</param>
    /// <returns><see langword="null"/> when either is missing or old is 0.</returns>
    public static decimal? PercentChange(decimal? old, decimal? @new)
        => old is { } before && @new is { } after && before != 0
            ? decimal.Round((after - before) / Math.Abs(before) * 100m, 2, MidpointRounding.AwayFromZero)
            : null;

    private static decimal? NumberOf(JsonElement value)
        => value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}

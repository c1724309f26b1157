using System.Text;

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// A stock-keeping unit: the key of the local catalog. Two SKUs are equal when their normalized
/// forms are (trimmed, upper-case, internal whitespace collapsed to one space), so " ab  12" and
/// "AB 12" are the same product; the original spelling is kept for display.
/// </summary>
public readonly struct Sku : IEquatable<Sku>
{
    private Sku(string original, string normalized)
    {
        Original = original;
        Normalized = normalized;
    }

    /// <summary>The spelling the source system used, for display.</summary>
    public string Original { get; }

    /// <summary>The comparison key: trimmed, upper-case, single spaces.</summary>
    public string Normalized { get; }

    /// <summary>Creates a SKU from a source system's spelling.</summary>
    /// <param name="value">The SKU as received.</param>
    /// <returns>The SKU.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or only whitespace.</exception>
    public static Sku Parse(string? value)
        => TryParse(value, out var sku) ? sku : throw new ArgumentException("A SKU cannot be empty.", nameof(value));

    /// <summary>Creates a SKU unless the value is empty.</summary>
    /// <param name="value">The SKU as received.</param>
    /// <param name="sku">The SKU when <paramref name="value"/> has any non-whitespace character.</param>
    /// <returns><see langword="true"/> when a SKU was created.</returns>
    public static bool TryParse(string? value, out Sku sku)
    {
        var normalized = Normalize(value);
        sku = normalized.Length == 0 ? default : new Sku(value!.Trim(), normalized);
        return normalized.Length > 0;
    }

    /// <summary>The normalized form of any SKU spelling ("" for null or whitespace).</summary>
    /// <param name="value">The SKU as received.</param>
    /// <returns>Trimmed, upper-case (invariant), with each whitespace run replaced by one space.</returns>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var character in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToUpperInvariant(character));
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(Sku other) => string.Equals(Normalized, other.Normalized, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sku other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Normalized is null ? 0 : StringComparer.Ordinal.GetHashCode(Normalized);

    /// <summary>The original spelling.</summary>
    /// <returns><see cref="Original"/>.</returns>
    public override string ToString() => Original ?? string.Empty;

    /// <summary>Compares normalized forms.</summary>
    /// <param name="left">A SKU.</param>
    /// <param name="right">Another SKU.</param>
    /// <returns>Whether both name the same product.</returns>
    public static bool operator ==(Sku left, Sku right) => left.Equals(right);

    /// <summary>Compares normalized forms.</summary>
    /// <param name="left">A SKU.</param>
    /// <param name="right">Another SKU.</param>
    /// <returns>Whether they name different products.</returns>
    public static bool operator !=(Sku left, Sku right) => !left.Equals(right);
}

namespace CowansSync.Orchestrations.Domain.Products;

/// <summary>
/// A barcode number — UPC-A (12 digits), EAN-13 or GTIN-14 — whose check digit is valid.
/// All three are the same number space once left-padded to 14 digits, so a UPC-A and the EAN-13
/// with a leading zero compare equal.
/// </summary>
public readonly record struct Gtin
{
    private Gtin(string value) => Value = value;

    /// <summary>The 14-digit form (GTIN-14), left-padded with zeros.</summary>
    public string Value { get; }

    /// <summary>
    /// Parses a barcode, ignoring spaces and hyphens used for readability; only 12, 13 or 14 digits
    /// with a correct GS1 check digit are accepted.
    /// </summary>
    /// <param name="text">The barcode as received.</param>
    /// <param name="gtin">The GTIN when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid UPC-A, EAN-13 or GTIN-14.</returns>
    public static bool TryParse(string? text, out Gtin gtin)
    {
        gtin = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var digits = new string(text.Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length is < 12 or > 14 || !digits.All(char.IsAsciiDigit) || !HasValidCheckDigit(digits))
        {
            return false;
        }

        gtin = new Gtin(digits.PadLeft(14, '0'));
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a valid UPC-A, EAN-13 or GTIN-14.</summary>
    /// <param name="text">The barcode as received.</param>
    /// <returns><see langword="true"/> when it parses.</returns>
    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>
    /// GS1 mod-10: from the right, excluding the check digit, digits are weighted 3, 1, 3, …;
    /// the check digit brings the sum up to a multiple of ten.
    /// </summary>
    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var position = 1; position < digits.Length; position++)
        {
            var digit = digits[digits.Length - 1 - position] - '0';
            sum += position % 2 == 1 ? digit * 3 : digit;
        }

        var expected = (10 - (sum % 10)) % 10;
        return digits[^1] - '0' == expected;
    }

    /// <summary>The 14-digit form.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;
}

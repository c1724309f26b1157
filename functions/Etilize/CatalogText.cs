namespace CowansSync.Functions.Etilize;

/// <summary>How a catalog field's text is normalized: trimmed, line breaks as LF, empty as absent.</summary>
internal static class CatalogText
{
    /// <summary>
    /// The field's text, or <see langword="null"/> when blank. CR LF inside a quoted field becomes LF, which is what
    /// Shopify stores for a multi-line description: otherwise a file saved by a Windows tool would stage a change for
    /// every multi-line description although nothing changed.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Contains('\r', StringComparison.Ordinal)
            ? trimmed.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : trimmed;
    }
}

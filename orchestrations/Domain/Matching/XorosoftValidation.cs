namespace CowansSync.Orchestrations.Domain.Matching;

/// <summary>
/// Whether Xorosoft carries an Etilize row's item, and how sure that is. Rows Xorosoft does not know
/// are filtered out of an import (counted as <c>xorosoft_filtered</c>).
/// </summary>
/// <param name="Valid">Whether a Xorosoft item was found.</param>
/// <param name="MatchType">How it was found; <see langword="null"/> when not found.</param>
/// <param name="Confidence">0 when not found; otherwise the confidence of <paramref name="MatchType"/>.</param>
/// <param name="ItemNumber">Xorosoft's item number of the hit.</param>
public sealed record XorosoftValidation(bool Valid, XorosoftMatchType? MatchType, decimal Confidence, string? ItemNumber)
{
    /// <summary>The verdict for an item Xorosoft does not carry.</summary>
    public static XorosoftValidation NotFound { get; } = new(false, null, 0m, null);

    /// <summary>A hit by item number, UPC or part number, with the confidence docs/DOMAIN.md gives that signal.</summary>
    /// <param name="matchType">Exact, Upc or Mpn.</param>
    /// <param name="itemNumber">Xorosoft's item number.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException"><paramref name="matchType"/> is Fuzzy; use <see cref="FuzzyMatch"/>.</exception>
    public static XorosoftValidation Matched(XorosoftMatchType matchType, string itemNumber)
    {
        var confidence = matchType switch
        {
            XorosoftMatchType.Exact => MatchConfidence.ExactSku,
            XorosoftMatchType.Upc => MatchConfidence.Upc,
            XorosoftMatchType.Mpn => MatchConfidence.PartNumberOnly,
            _ => throw new ArgumentException("A fuzzy hit carries its own confidence; use FuzzyMatch.", nameof(matchType)),
        };
        return new(true, matchType, confidence, itemNumber);
    }

    /// <summary>A similarity-based hit; its confidence stays below the weak-signal ceiling.</summary>
    /// <param name="itemNumber">Xorosoft's item number.</param>
    /// <param name="confidence">The similarity score, below <see cref="MatchConfidence.WeakSignalCeiling"/>.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is negative or not below the ceiling.</exception>
    public static XorosoftValidation FuzzyMatch(string itemNumber, decimal confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(confidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(confidence, MatchConfidence.WeakSignalCeiling);
        return new(true, XorosoftMatchType.Fuzzy, confidence, itemNumber);
    }

    /// <summary>Whether the item counts as carried by Xorosoft under <paramref name="mode"/>.</summary>
    /// <param name="mode">The validation mode of the run.</param>
    /// <returns><see langword="false"/> when not found, or a fuzzy hit in strict mode.</returns>
    public bool IsKnownUnder(XorosoftValidationMode mode)
        => Valid && (MatchType != XorosoftMatchType.Fuzzy || mode == XorosoftValidationMode.Fuzzy);
}

using System.Text.RegularExpressions;

namespace CowansSync.Functions.Etilize;

/// <summary>A file name glob (<c>*</c> any run, <c>?</c> one character), compared without regard to case.</summary>
public sealed class EtilizeFilePattern
{
    private readonly Regex _regex;

    /// <summary>Creates the pattern.</summary>
    /// <param name="pattern">E.g. <c>*.zip</c> or <c>cowans_etilize_????????.zip</c>.</param>
    public EtilizeFilePattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var expression = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
        _regex = new Regex(expression, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>The glob as configured.</summary>
    public string Pattern { get; }

    /// <summary>Whether <paramref name="fileName"/> matches.</summary>
    /// <param name="fileName">A file name.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool IsMatch(string fileName) => _regex.IsMatch(fileName);
}

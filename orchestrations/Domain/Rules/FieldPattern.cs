using System.IO.Enumeration;

namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>Field-name globs of approval rules: <c>*</c> any run of characters, <c>?</c> one character.</summary>
public static class FieldPattern
{
    /// <summary>Whether <paramref name="fieldName"/> matches <paramref name="pattern"/>, ignoring case.</summary>
    /// <param name="pattern">The glob, e.g. <c>inventory_*</c>.</param>
    /// <param name="fieldName">A field's API name.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public static bool Matches(string pattern, string fieldName)
        // The simple-expression matcher has exactly the * and ? semantics, without regex escaping pitfalls.
        => !string.IsNullOrWhiteSpace(pattern) && FileSystemName.MatchesSimpleExpression(pattern, fieldName, ignoreCase: true);
}

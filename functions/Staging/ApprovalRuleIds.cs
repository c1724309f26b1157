namespace CowansSync.Functions.Staging;

/// <summary>Rule ids: 1–100 characters of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, so they are safe as a RowKey and a URL segment.</summary>
public static class ApprovalRuleIds
{
    /// <summary>The longest id.</summary>
    public const int MaxLength = 100;

    /// <summary>Whether <paramref name="id"/> is a well-formed rule id.</summary>
    /// <param name="id">The candidate.</param>
    /// <returns><see langword="true"/> when it may be used.</returns>
    public static bool IsValid(string? id)
        => id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>A new id for a rule submitted without one.</summary>
    /// <returns>E.g. <c>rule-3f2a…</c>.</returns>
    public static string New() => $"rule-{Guid.NewGuid():N}";
}

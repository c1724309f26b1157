using System.Diagnostics.CodeAnalysis;

namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>The automatic suggestion for a conflict: a side to take, or manual review.</summary>
/// <param name="Choice">The side to take; <see langword="null"/> when a person must decide.</param>
/// <param name="Reason">Which rule of the decision tree (seed 003 §5) applied, for the reviewer.</param>
public sealed record AutoResolution(ResolutionChoice? Choice, string Reason)
{
    /// <summary>Whether the conflict can be settled without a person (the API's <c>auto_resolvable</c>).</summary>
    [MemberNotNullWhen(true, nameof(Choice))]
    public bool IsResolved => Choice is not null;

    /// <summary>Take the local value.</summary>
    /// <param name="reason">The rule that applied.</param>
    /// <returns>The suggestion.</returns>
    public static AutoResolution UseLocal(string reason) => new(ResolutionChoice.UseLocal, reason);

    /// <summary>Take Shopify's value.</summary>
    /// <param name="reason">The rule that applied.</param>
    /// <returns>The suggestion.</returns>
    public static AutoResolution UseShopify(string reason) => new(ResolutionChoice.UseShopify, reason);

    /// <summary>A person must decide.</summary>
    /// <param name="reason">Why no rule settles it.</param>
    /// <returns>The suggestion.</returns>
    public static AutoResolution Manual(string reason) => new(null, reason);
}

using System.Diagnostics.CodeAnalysis;

namespace CowansSync.Orchestrations.Domain.Staging;

/// <summary>The outcome of asking a staged change to move: the moved change, or why it may not move.</summary>
/// <param name="Change">The change in its new state; <see langword="null"/> when refused.</param>
/// <param name="Refusal">Why the move was refused; <see langword="null"/> when it succeeded.</param>
public sealed record StagedChangeTransition(StagedChange? Change, string? Refusal)
{
    /// <summary>Whether the move happened.</summary>
    [MemberNotNullWhen(true, nameof(Change))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Change is not null;
}

namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>
/// When a matching <see cref="ApprovalRule"/> auto-approves: every condition given must hold. On a rule
/// that requires approval they are the exceptions ("approval, unless the price moves ≤ 5 %"); on an
/// auto-approve rule they are its prerequisites.
/// </summary>
public sealed record AutoApproveConditions
{
    /// <summary>The price is unchanged or moved by at most this percentage, either way.</summary>
    public decimal? MaxPriceChange { get; init; }

    /// <summary>The change's product match is at least this confident (0–1).</summary>
    public decimal? MinMatchConfidence { get; init; }

    /// <summary>When <see langword="true"/>, the change has no conflicts.</summary>
    public bool? NoConflicts { get; init; }
}

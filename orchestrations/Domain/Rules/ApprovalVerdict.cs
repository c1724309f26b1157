namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>What the approval rules decided for a staged change, and which rule decided it.</summary>
/// <param name="AutoApproved">Whether the change is approved without a person.</param>
/// <param name="RuleId">The deciding rule's id; <see langword="null"/> when no rule matched.</param>
/// <param name="RuleName">The deciding rule's name; <see langword="null"/> when no rule matched.</param>
/// <param name="Reason">Why, for the reviewer (the API's <c>approval_reason</c>).</param>
public sealed record ApprovalVerdict(bool AutoApproved, string? RuleId, string? RuleName, string Reason)
{
    /// <summary>The verdict when no active rule matches: a person decides, which is the safe default.</summary>
    public static ApprovalVerdict NoRuleMatched { get; } = new(false, null, null, "No approval rule matched; review required.");
}

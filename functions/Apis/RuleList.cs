using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Functions.Apis;

/// <summary>The answer of <c>GET</c> and <c>PUT /api/sync/rules</c>.</summary>
/// <param name="Rules">Every rule, by priority then id.</param>
public sealed record RuleList(IReadOnlyList<ApprovalRule> Rules)
{
    /// <summary>Always <see langword="true"/>: the seeds' clients read it.</summary>
    public bool Success { get; } = true;

    /// <summary>How many rules there are.</summary>
    public int Total => Rules.Count;
}

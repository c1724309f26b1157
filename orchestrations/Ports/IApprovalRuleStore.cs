using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Orchestrations.Ports;

/// <summary>The stored approval rules.</summary>
public interface IApprovalRuleStore
{
    /// <summary>Every rule, active or not, in a stable order; the defaults of <c>docs/DOMAIN.md</c> until someone edits them.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rules.</returns>
    Task<IReadOnlyList<ApprovalRule>> ListAsync(CancellationToken cancellationToken);
}

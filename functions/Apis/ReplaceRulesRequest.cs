using CowansSync.Orchestrations.Domain.Rules;

namespace CowansSync.Functions.Apis;

/// <summary>The body of <c>PUT /api/sync/rules</c>: the complete new rule set.</summary>
/// <param name="Rules">The rules (at most 50); ids are generated where missing.</param>
public sealed record ReplaceRulesRequest(IReadOnlyList<ApprovalRule?>? Rules);

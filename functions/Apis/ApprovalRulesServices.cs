using CowansSync.Functions.Audit;
using CowansSync.Functions.Staging;

namespace CowansSync.Functions.Apis;

/// <summary>The services the rule endpoints use, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Rules">The rule store.</param>
/// <param name="Audit">The audit log.</param>
public sealed record ApprovalRulesServices(ApprovalRuleStore Rules, AuditLog Audit);

using System.Text.Json.Serialization;

namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>
/// A stored, editable approval rule (seed 002 <c>sync_approval_rules</c>; <c>/api/sync/rules</c>).
/// Serialized with <see cref="DomainJson.Options"/>; validate edits with <see cref="Validate"/>.
/// </summary>
/// <remarks>
/// A rule <em>matches</em> a change when it is active and every filter given holds: entity type,
/// change type, sync direction, at least one changed field matching <see cref="FieldPatterns"/>, and
/// every <see cref="ValueThresholds"/>. A matching rule that requires approval does so unless all of its
/// <see cref="AutoApproveConditions"/> hold; a matching auto-approve rule approves only when its
/// conditions hold, and otherwise steps aside for lower-priority rules. See <see cref="ApprovalRuleEngine"/>.
/// </remarks>
public sealed record ApprovalRule
{
    /// <summary>The store's id of the rule.</summary>
    public string? Id { get; init; }

    /// <summary>A short name, shown as the deciding rule of a verdict.</summary>
    [JsonPropertyName("rule_name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>What the rule is for.</summary>
    [JsonPropertyName("rule_description")]
    public string? Description { get; init; }

    /// <summary>The entity the rule applies to: <c>product</c>, or any when absent.</summary>
    public string? EntityType { get; init; }

    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>; any when absent.</summary>
    public string? ChangeType { get; init; }

    /// <summary>A sync direction such as <c>etilize_import</c>; any when absent.</summary>
    public string? SyncDirection { get; init; }

    /// <summary>Field-name globs (<c>*</c>, <c>?</c>), e.g. <c>price</c>, <c>shopify_*</c>; any field when empty.</summary>
    public IReadOnlyList<string> FieldPatterns { get; init; } = [];

    /// <summary>Value conditions narrowing the rule.</summary>
    public ValueThresholds? ValueThresholds { get; init; }

    /// <summary>Whether a match requires a person's approval.</summary>
    public bool RequiresApproval { get; init; } = true;

    /// <summary>When a match is auto-approved instead.</summary>
    public AutoApproveConditions? AutoApproveConditions { get; init; }

    /// <summary>1 (highest) to 5 (lowest): the highest-priority matching rule decides.</summary>
    public int Priority { get; init; } = 3;

    /// <summary>Inactive rules never match.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>Checks the rule as an API edit, naming each bad field.</summary>
    /// <returns>Field name (snake_case, e.g. <c>value_thresholds.min_price</c>) → message; empty when valid.</returns>
    public IReadOnlyDictionary<string, string> Validate() => ApprovalRuleValidator.Validate(this);
}

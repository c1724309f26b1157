using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>The checks behind <see cref="ApprovalRule.Validate"/>.</summary>
internal static class ApprovalRuleValidator
{
    public const int HighestPriority = 1;
    public const int LowestPriority = 5;
    public const string ProductEntity = "product";
    private const int MaxNameLength = 255;

    public static Dictionary<string, string> Validate(ApprovalRule rule)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > MaxNameLength)
        {
            errors["rule_name"] = $"Required, at most {MaxNameLength} characters.";
        }

        if (rule.Priority is < HighestPriority or > LowestPriority)
        {
            errors["priority"] = $"Must be between {HighestPriority} (highest) and {LowestPriority} (lowest).";
        }

        if (rule.EntityType is not (null or ProductEntity))
        {
            errors["entity_type"] = $"Unknown entity type '{rule.EntityType}'; expected '{ProductEntity}'.";
        }

        if (rule.ChangeType is not null && !WireName.TryParse<ChangeType>(rule.ChangeType, out _))
        {
            errors["change_type"] = $"Unknown change type '{rule.ChangeType}'; expected one of {WireName.ListOf<ChangeType>()}.";
        }

        if (rule.SyncDirection is not null && !WireName.TryParse<ChangeDirection>(rule.SyncDirection, out _))
        {
            errors["sync_direction"] = $"Unknown sync direction '{rule.SyncDirection}'; expected one of {WireName.ListOf<ChangeDirection>()}.";
        }

        for (var index = 0; index < rule.FieldPatterns.Count; index++)
        {
            var pattern = rule.FieldPatterns[index];
            if (!ProductFields.All.Any(f => FieldPattern.Matches(pattern, f.Name)))
            {
                errors[$"field_patterns[{index}]"] = $"'{pattern}' matches no product field.";
            }
        }

        CheckThresholds(rule.ValueThresholds, errors);
        CheckConditions(rule.AutoApproveConditions, errors);
        return errors;
    }

    private static void CheckThresholds(ValueThresholds? thresholds, Dictionary<string, string> errors)
    {
        if (thresholds?.MinPrice < 0)
        {
            errors["value_thresholds.min_price"] = "Must not be negative.";
        }

        if (thresholds?.MinChangePercent < 0)
        {
            errors["value_thresholds.min_change_percent"] = "Must not be negative.";
        }

        if (thresholds?.MinDecreasePercent is < 0 or >= 100)
        {
            errors["value_thresholds.min_decrease_percent"] = "Must be at least 0 and below 100.";
        }
    }

    private static void CheckConditions(AutoApproveConditions? conditions, Dictionary<string, string> errors)
    {
        if (conditions?.MaxPriceChange < 0)
        {
            errors["auto_approve_conditions.max_price_change"] = "Must not be negative.";
        }

        if (conditions?.MinMatchConfidence is < 0 or > 1)
        {
            errors["auto_approve_conditions.min_match_confidence"] = "Must be between 0 and 1.";
        }
    }
}

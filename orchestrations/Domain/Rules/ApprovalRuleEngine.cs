using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;

namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>
/// Decides whether a staged change is auto-approved or needs a person. The highest-priority matching
/// rule decides (1 before 5); at equal priority "requires approval" beats "auto-approve", and among
/// equals the rule listed first wins. When no rule matches, a person decides.
/// </summary>
/// <remarks>Immutable; build once per run from the stored rules and share.</remarks>
public sealed class ApprovalRuleEngine
{
    private readonly List<ApprovalRule> _rules;

    /// <summary>Creates the engine over validated rules (inactive ones are ignored).</summary>
    /// <param name="rules">The stored rules, in a stable order.</param>
    public ApprovalRuleEngine(IEnumerable<ApprovalRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.Where(r => r.IsActive).ToList();
    }

    /// <summary>The verdict for a change.</summary>
    /// <param name="change">The staged change, with its field changes, conflicts and match confidence.</param>
    /// <returns>The verdict naming the deciding rule.</returns>
    public ApprovalVerdict Evaluate(StagedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // OrderBy is stable, so equal priorities and decisions keep the rules' own order.
        return _rules
            .Select(rule => OutcomeOf(rule, change))
            .OfType<(int Priority, ApprovalVerdict Verdict)>()
            .OrderBy(o => o.Priority)
            .ThenBy(o => o.Verdict.AutoApproved)
            .Select(o => o.Verdict)
            .FirstOrDefault() ?? ApprovalVerdict.NoRuleMatched;
    }

    private static (int Priority, ApprovalVerdict Verdict)? OutcomeOf(ApprovalRule rule, StagedChange change)
    {
        var covered = change.FieldChanges
            .Where(c => rule.FieldPatterns.Count == 0 || rule.FieldPatterns.Any(p => FieldPattern.Matches(p, c.Field)))
            .ToList();
        if (!AppliesTo(rule, change, covered))
        {
            return null;
        }

        var conditionsHold = rule.AutoApproveConditions is { } conditions && ConditionsHold(conditions, change);
        if (rule.RequiresApproval)
        {
            return (rule.Priority, conditionsHold
                ? Verdict(rule, autoApproved: true, "its auto-approve conditions hold")
                : Verdict(rule, autoApproved: false, "it requires approval"));
        }

        return conditionsHold || rule.AutoApproveConditions is null
            ? (rule.Priority, Verdict(rule, autoApproved: true, "it auto-approves"))
            : null;
    }

    private static bool AppliesTo(ApprovalRule rule, StagedChange change, List<FieldChange> covered)
        => (rule.EntityType is null || rule.EntityType == ApprovalRuleValidator.ProductEntity)
            && (rule.ChangeType is null || rule.ChangeType == WireName.Of(change.ChangeType))
            && (rule.SyncDirection is null || rule.SyncDirection == WireName.Of(change.Direction))
            && (rule.FieldPatterns.Count == 0 || covered.Count > 0)
            && (rule.ValueThresholds is not { } thresholds || ThresholdsHold(thresholds, change, covered));

    private static bool ThresholdsHold(ValueThresholds thresholds, StagedChange change, List<FieldChange> covered)
    {
        var price = Math.Max(change.CurrentData?.Price ?? 0m, change.ProposedData?.Price ?? 0m);
        return (thresholds.MinPrice is not { } minPrice || price > minPrice)
            && (thresholds.MinChangePercent is not { } minChange || covered.Any(c => MovedMoreThan(c, minChange)))
            && (thresholds.MinDecreasePercent is not { } minDecrease || covered.Any(c => DroppedMoreThan(c, minDecrease)));
    }

    private static bool ConditionsHold(AutoApproveConditions conditions, StagedChange change)
    {
        var priceChange = change.FieldChanges.FirstOrDefault(c => c.Field == ProductFields.Price.Name);
        return (conditions.MaxPriceChange is not { } maxPriceChange || priceChange is null || !MovedMoreThan(priceChange, maxPriceChange))
            && (conditions.MinMatchConfidence is not { } minConfidence || change.MatchConfidence >= minConfidence)
            && (conditions.NoConflicts is not true || !change.HasConflicts);
    }

    // Percentages are the rounded ones the reviewer sees. A number appearing from 0 or from nothing
    // has no percentage, but it is the biggest change of all, so it exceeds every percentage threshold.
    private static bool MovedMoreThan(FieldChange change, decimal percent)
        => change.ChangePercent is { } actual ? Math.Abs(actual) > percent : IsNumberFromNothing(change);

    private static bool DroppedMoreThan(FieldChange change, decimal percent)
        => change.ChangePercent is { } actual ? -actual > percent : IsNumberFromNothing(change) && change.NewNumber < 0;

    private static bool IsNumberFromNothing(FieldChange change)
        => change.NewNumber is { } after && after != (change.OldNumber ?? 0m);

    private static ApprovalVerdict Verdict(ApprovalRule rule, bool autoApproved, string why)
        => new(autoApproved, rule.Id, rule.Name, $"{(autoApproved ? "Auto-approved" : "Approval required")}: rule '{rule.Name}' matched and {why}.");
}

namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>The five rules a new installation starts with (docs/DOMAIN.md "Approval rules", seed 002).</summary>
public static class DefaultApprovalRules
{
    /// <summary>The default <c>auto_approve_threshold</c> for Etilize match confidence.</summary>
    public const decimal AutoApproveThreshold = 0.95m;

    /// <summary>The default rules, stored on first start and editable afterwards.</summary>
    /// <param name="autoApproveThreshold">The Etilize match confidence that allows auto-approval.</param>
    /// <returns>Critical price change, inventory reduction, new products, Etilize match confidence, minor updates.</returns>
    public static IReadOnlyList<ApprovalRule> Create(decimal autoApproveThreshold = AutoApproveThreshold) =>
    [
        new()
        {
            Id = "default-critical-price-change",
            Name = "Critical price change",
            Description = "A price change over 20 % requires approval.",
            ChangeType = "update",
            FieldPatterns = ["price"],
            ValueThresholds = new() { MinChangePercent = 20m },
            Priority = 1,
        },
        new()
        {
            Id = "default-inventory-reduction",
            Name = "Inventory reduction",
            Description = "A stock drop over 50 % requires approval.",
            ChangeType = "update",
            FieldPatterns = ["inventory_quantity"],
            ValueThresholds = new() { MinDecreasePercent = 50m },
            Priority = 1,
        },
        new()
        {
            Id = "default-new-products",
            Name = "New products",
            Description = "Creating a product requires approval.",
            ChangeType = "create",
            Priority = 2,
        },
        new()
        {
            Id = "default-etilize-match-confidence",
            Name = "Etilize match confidence",
            Description = "An Etilize update is auto-approved when its match is confident enough and has no conflict; otherwise a person reviews it.",
            ChangeType = "update",
            SyncDirection = "etilize_import",
            AutoApproveConditions = new() { MinMatchConfidence = autoApproveThreshold, NoConflicts = true },
            Priority = 3,
        },
        new()
        {
            Id = "default-minor-updates",
            Name = "Minor updates",
            Description = "Updates that no stricter rule caught, without conflicts, are auto-approved.",
            ChangeType = "update",
            RequiresApproval = false,
            AutoApproveConditions = new() { NoConflicts = true },
            Priority = 5,
        },
    ];
}

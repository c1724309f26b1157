namespace CowansSync.Orchestrations.Domain.Conflicts;

/// <summary>The tolerances of automatic conflict resolution (seed 003 §5); defaults, not constants.</summary>
public sealed record ConflictResolutionOptions
{
    /// <summary>The defaults: 5 % for prices, 10 units for stock.</summary>
    public static ConflictResolutionOptions Default { get; } = new();

    /// <summary>Prices differing by less than this percentage take Shopify's value.</summary>
    /// <value>The default value is 5.</value>
    public decimal PriceTolerancePercent { get; init; } = 5m;

    /// <summary>Positive stock levels differing by fewer units than this take the lower one.</summary>
    /// <value>The default value is 10.</value>
    public int InventoryToleranceUnits { get; init; } = 10;
}

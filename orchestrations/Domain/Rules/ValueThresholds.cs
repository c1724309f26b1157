namespace CowansSync.Orchestrations.Domain.Rules;

/// <summary>
/// Value conditions that narrow which changes an <see cref="ApprovalRule"/> applies to; every threshold
/// given must hold. All are strict ("over"), as docs/DOMAIN.md words its rules ("over 20 %").
/// </summary>
public sealed record ValueThresholds
{
    /// <summary>The product's price, before or after the change (the higher), is over this amount.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>A changed numeric field the rule covers moved by more than this percentage, either way.</summary>
    public decimal? MinChangePercent { get; init; }

    /// <summary>A changed numeric field the rule covers dropped by more than this percentage.</summary>
    public decimal? MinDecreasePercent { get; init; }
}

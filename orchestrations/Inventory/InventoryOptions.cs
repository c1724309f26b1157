namespace CowansSync.Orchestrations.Inventory;

/// <summary>App-wide settings of the Xorosoft inventory sync (section <c>Inventory</c>).</summary>
public sealed class InventoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Inventory";

    /// <summary>Every 30 minutes: the sync's schedule when <c>Inventory__Schedule</c> is not set.</summary>
    public const string DefaultSchedule = "0 */30 * * * *";

    /// <summary>The scheduled sync's schedule (NCRONTAB with seconds, default <see cref="DefaultSchedule"/>).</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>Whether the scheduled sync pushes what it approves (default <see langword="true"/>).</summary>
    public bool ScheduledUpdateShopify { get; set; } = true;

    /// <summary>Products per batch (default 500).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Batches staged at once (default 4).</summary>
    public int ParallelBatches { get; set; } = 4;

    /// <summary>Stock at or below which a product is out of stock (default 0).</summary>
    public int OutOfStockThreshold { get; set; }

    /// <summary>Attempts of a step before the run fails (default 3).</summary>
    public int ActivityAttempts { get; set; } = 3;

    /// <summary>Wait before a step's second attempt; it doubles for each further one (default 10 s).</summary>
    public TimeSpan ActivityRetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The plan a run starts with.</summary>
    /// <returns>The plan.</returns>
    public InventoryPlan ToPlan() => new(ParallelBatches, OutOfStockThreshold, ActivityAttempts, ActivityRetryInterval);
}

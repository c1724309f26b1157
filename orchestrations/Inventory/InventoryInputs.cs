using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>What an inventory sync does.</summary>
/// <param name="Mode">Which products it checks.</param>
/// <param name="Skus">For <see cref="InventorySyncMode.Specific"/>, the products.</param>
/// <param name="UpdateShopify">Whether the approved stock changes are pushed to the store.</param>
/// <param name="BatchSize">Products per batch.</param>
public sealed record InventorySyncSettings(InventorySyncMode Mode, IReadOnlyList<string>? Skus, bool UpdateShopify, int BatchSize);

/// <summary>The sync's settings, fixed when the run starts so every replay decides the same.</summary>
/// <param name="ParallelBatches">Batches staged at once.</param>
/// <param name="OutOfStockThreshold">Stock at or below which a product is out of stock.</param>
/// <param name="ActivityAttempts">Attempts per step before the run fails.</param>
/// <param name="ActivityRetryInterval">The first wait between attempts.</param>
public sealed record InventoryPlan(int ParallelBatches, int OutOfStockThreshold, int ActivityAttempts, TimeSpan ActivityRetryInterval)
{
    /// <summary>The retry policy of the sync's steps.</summary>
    /// <returns>The options.</returns>
    public TaskOptions Retries() => TaskOptions.FromRetryPolicy(new RetryPolicy(ActivityAttempts, ActivityRetryInterval, backoffCoefficient: 2));
}

/// <summary>An inventory sync run's input.</summary>
/// <param name="Settings">What to sync.</param>
/// <param name="CreatedBy">Who started it; the push names them.</param>
/// <param name="Plan">The run's settings.</param>
/// <param name="PushPlan">The settings of its push.</param>
public sealed record InventorySyncRequest(InventorySyncSettings Settings, string CreatedBy, InventoryPlan Plan, PushPlan PushPlan);

/// <summary>The products a sync checks, in batches.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Settings">What to sync.</param>
public sealed record PlanInventorySyncInput(string RunId, InventorySyncSettings Settings);

/// <summary>The batches a sync checks.</summary>
/// <param name="Batches">How many.</param>
/// <param name="Products">How many products in all.</param>
public sealed record PlannedInventorySync(int Batches, int Products);

/// <summary>One batch of an inventory sync.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BatchIndex">The batch.</param>
/// <param name="OutOfStockThreshold">Stock at or below which a product is out of stock.</param>
public sealed record InventoryBatchInput(string RunId, int BatchIndex, int OutOfStockThreshold);

/// <summary>How an inventory sync ended.</summary>
/// <param name="Status">Completed, or completed with errors (its push left some changes unapplied).</param>
/// <param name="Counters">The summary (<see cref="InventoryCounters"/>).</param>
/// <param name="PushRunId">The push run, when the sync pushed.</param>
public sealed record InventorySyncSummary(RunStatus Status, IReadOnlyDictionary<string, long> Counters, string? PushRunId);

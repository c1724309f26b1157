using System.Globalization;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Inventory;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Inventory;

/// <summary>
/// The Xorosoft inventory sync as Durable functions: the orchestration and its activities as one-line adapters onto
/// the classes in <c>orchestrations/Inventory</c>, and the <c>SyncInventoryOnSchedule</c> timer that starts a sync of
/// every product.
/// </summary>
/// <param name="planInventorySync">Refreshes the stock and plans the batches.</param>
/// <param name="stageInventoryBatch">Stages one batch.</param>
/// <param name="starter">Starts syncs.</param>
/// <param name="options">Whether the scheduled sync pushes.</param>
/// <param name="xorosoft">Whether Xorosoft is configured.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Reports the scheduled starts.</param>
public sealed partial class InventoryFunctions(
    PlanInventorySync planInventorySync,
    StageInventoryBatch stageInventoryBatch,
    InventoryStarter starter,
    IOptions<InventoryOptions> options,
    IOptions<XorosoftOptions> xorosoft,
    TimeProvider time,
    ILogger<InventoryFunctions> logger)
{
    /// <summary>The timer's name.</summary>
    public const string ScheduleName = "SyncInventoryOnSchedule";

    /// <summary>The inventory sync run.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The run's summary.</returns>
    [Function(nameof(SyncXorosoftInventory))]
    public static Task<InventorySyncSummary> RunSyncXorosoftInventory([OrchestrationTrigger] TaskOrchestrationContext context)
        => new SyncXorosoftInventory().RunAsync(context, context.GetInput<InventorySyncRequest>()!);

    /// <summary>Refreshes the stock and writes the batches.</summary>
    /// <param name="input">The run and what it syncs.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The batches.</returns>
    [Function(nameof(PlanInventorySync))]
    public Task<PlannedInventorySync> RunPlanInventorySync([ActivityTrigger] PlanInventorySyncInput input, string instanceId)
        => planInventorySync.RunAsync(new FunctionActivityContext(nameof(PlanInventorySync), instanceId), input);

    /// <summary>Stages one batch's stock changes.</summary>
    /// <param name="input">The batch.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The batch's counters.</returns>
    [Function(nameof(StageInventoryBatch))]
    public Task<IReadOnlyDictionary<string, long>> RunStageInventoryBatch([ActivityTrigger] InventoryBatchInput input, string instanceId)
        => stageInventoryBatch.RunAsync(new FunctionActivityContext(nameof(StageInventoryBatch), instanceId), input);

    /// <summary>Starts a sync of every product on the schedule <c>Inventory__Schedule</c> (every 30 minutes by default).</summary>
    /// <param name="timer">The occurrence (unused: the clock names the run).</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the run is started.</returns>
    [Function(ScheduleName)]
    public async Task RunOnSchedule([TimerTrigger("%Inventory__Schedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (xorosoft.Value.BaseUrl is null)
        {
            LogNotConfigured();
            return;
        }

        // One run per occurrence: a second instance, or a repeat, finds the run already there.
        var runId = string.Create(CultureInfo.InvariantCulture, $"inventory-scheduled-{time.GetUtcNow():yyyyMMddHHmm}");
        var settings = new InventorySyncSettings(InventorySyncMode.All, null, options.Value.ScheduledUpdateShopify, options.Value.BatchSize);
        var run = await starter.StartAsync(client, runId, settings, ScheduleName, cancellationToken);
        LogStarted(run.RunId);
    }

    [LoggerMessage(1, LogLevel.Information, "Xorosoft is not configured (Xorosoft__BaseUrl); no scheduled inventory sync")]
    private partial void LogNotConfigured();

    [LoggerMessage(2, LogLevel.Information, "Started scheduled inventory sync {RunId}")]
    private partial void LogStarted(string runId);
}

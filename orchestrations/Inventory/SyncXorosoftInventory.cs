using CowansSync.Orchestrations.Push;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>
/// An inventory sync run, Xorosoft → local catalog → store: refresh the mirror's stock (<see cref="PlanInventorySync"/>),
/// stage a stock change for each checked product whose stock differs, in bounded waves of batches
/// (<see cref="StageInventoryBatch"/>), let the rules approve them (stock-only changes are, unless a drop is steep), and
/// with <c>update_shopify</c> push the approved ones as a sub-orchestration (<see cref="PushChanges"/>, run id
/// <c>{run}-push</c>), which sets quantities compare-and-set.
/// </summary>
/// <remarks>
/// Deterministic: it decides only from its input, activity results and <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>;
/// batches start in index order.
/// </remarks>
public sealed class SyncXorosoftInventory : TaskOrchestrator<InventorySyncRequest, InventorySyncSummary>
{
    /// <summary>What the push run's id adds to the sync's.</summary>
    public const string PushSuffix = "-push";

    /// <inheritdoc />
    public override async Task<InventorySyncSummary> RunAsync(TaskOrchestrationContext context, InventorySyncRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var runId = context.InstanceId;
        var retries = input.Plan.Retries();
        var state = new RunState(RunKinds.XorosoftInventory, InventoryPhases.Refresh, RunStatus.Running, RunProgress.None, InventoryCounters.None(), input.CreatedBy, context.CurrentUtcDateTime);
        context.SetCustomStatus(state);

        var planned = await context.CallActivityAsync<PlannedInventorySync>(nameof(PlanInventorySync), new PlanInventorySyncInput(runId, input.Settings), retries);
        state = state with { Phase = InventoryPhases.Stage, Progress = RunProgress.None with { Total = planned.Products } };
        context.SetCustomStatus(state);
        await Waves.RunAsync(
            [.. Enumerable.Range(0, planned.Batches)],
            input.Plan.ParallelBatches,
            index => context.CallActivityAsync<IReadOnlyDictionary<string, long>>(
                nameof(StageInventoryBatch), new InventoryBatchInput(runId, index, input.Plan.OutOfStockThreshold), retries),
            counters =>
            {
                var checkedNow = state.Progress.Processed + counters.GetValueOrDefault(InventoryCounters.ProductsChecked);
                state = state.WithProgress(state.Progress with { Processed = checkedNow, Succeeded = checkedNow }, context.CurrentUtcDateTime)
                    with { Counters = Waves.Add(state.Counters, counters) };
                context.SetCustomStatus(state);
            });

        string? pushRunId = null;
        var status = RunStatus.Completed;
        if (input.Settings.UpdateShopify && state.Counter(InventoryCounters.AutoApproved) > 0)
        {
            state = state with { Phase = InventoryPhases.Push, EstimatedCompletion = null };
            context.SetCustomStatus(state);
            pushRunId = runId + PushSuffix;
            var pushed = await context.CallSubOrchestratorAsync<PushSummary>(
                nameof(PushChanges),
                new PushRequest(new PushSettings(runId, null, $"inventory sync {runId}"), input.CreatedBy, input.PushPlan),
                new SubOrchestrationOptions { InstanceId = pushRunId });
            status = pushed.Status;
            state = state with
            {
                Counters = Waves.Add(state.Counters, new Dictionary<string, long>(StringComparer.Ordinal) { [InventoryCounters.Pushed] = pushed.Counters.GetValueOrDefault(PushCounters.Applied) }),
                Errors = pushed.Errors,
            };
        }

        state = state with { Phase = InventoryPhases.Done, Status = status, EstimatedCompletion = null };
        context.SetCustomStatus(state);
        return new InventorySyncSummary(status, state.Counters, pushRunId);
    }
}

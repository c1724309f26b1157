using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Pushes one bulk batch (a sub-orchestration of <see cref="PushChanges"/>): export the store for its re-read, prepare
/// it, run its bulk mutations — variants, then products — then finish it: record the applied changes and write the
/// rest one by one. Each bulk operation is started and then polled on a durable timer until done, or until its
/// <c>bulk_operations/finish</c> webhook wakes the batch (<see cref="BulkOperationWatch"/>). A mutation stage
/// that fails, or does not finish within the plan's timeout, leaves its updates to the one-by-one writes, and its error
/// is listed; an export that fails fails the batch before any change moves, so its changes stay approved.
/// </summary>
/// <remarks>
/// Deterministic: it decides only from its input, activity results and <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>;
/// waiting is <see cref="TaskOrchestrationContext.CreateTimer(TimeSpan, CancellationToken)"/>, never a sleep, so each
/// batch's polling stays in its own history.
/// </remarks>
public sealed class PushBulkBatch : TaskOrchestrator<PushBulkBatchInput, PushBatchResult>
{
    /// <inheritdoc />
    public override async Task<PushBatchResult> RunAsync(TaskOrchestrationContext context, PushBulkBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var (batchInput, plan) = (input.Batch, input.Plan);
        var watch = new BulkOperationWatch(context);
        var (exportId, exportError) = await RunOperationAsync(context, watch, plan, "The store export",
            () => context.CallActivityAsync<ShopifyBulkStart>(nameof(StartStoreExport), batchInput, plan.Retries()));
        if (exportId is null)
        {
            throw new InvalidOperationException($"{exportError} Its changes were not pushed and stay approved.");
        }

        var prepared = await context.CallActivityAsync<BulkBatchPrepared>(nameof(PrepareBulkBatch), new PrepareBulkBatchInput(batchInput, exportId), plan.Retries());
        var result = prepared.Recorded;
        if (prepared.BulkWrites + prepared.OneByOneWrites == 0)
        {
            return result;
        }

        string? variants = null;
        string? products = null;
        if (prepared.BulkWrites > 0)
        {
            (variants, var variantsError) = await RunStageAsync(context, watch, input, ShopifyBulkStage.Variants, null);
            (products, var productsError) = await RunStageAsync(context, watch, input, ShopifyBulkStage.Products, variants);
            foreach (var error in new[] { variantsError, productsError }.OfType<string>())
            {
                result = result.WithError($"batch {batchInput.BatchIndex}: {error} Its updates were written one by one.");
            }
        }

        var finished = await context.CallActivityAsync<PushBatchResult>(nameof(FinishBulkBatch), new FinishBulkBatchInput(batchInput, variants, products), plan.Retries());
        return result.Plus(finished);
    }

    private static Task<(string? OperationId, string? Error)> RunStageAsync(
        TaskOrchestrationContext context, BulkOperationWatch watch, PushBulkBatchInput input, ShopifyBulkStage stage, string? variantsOperationId)
    {
        var stageInput = new BulkStageInput(input.Batch.RunId, input.Batch.BatchIndex, stage, variantsOperationId);
        return RunOperationAsync(context, watch, input.Plan, $"The {stage} bulk mutation",
            () => context.CallActivityAsync<ShopifyBulkStart>(nameof(StartBulkMutation), stageInput, input.Plan.Retries()));
    }

    // Starts a bulk operation (again while the shop is busy with another: that one's finish wakes its own orchestration,
    // so this waits on a plain timer) and polls it until done: the completed operation's id, or none (nothing to do, or
    // it failed: then the error says why).
    private static async Task<(string? OperationId, string? Error)> RunOperationAsync(
        TaskOrchestrationContext context, BulkOperationWatch watch, PushPlan plan, string operation, Func<Task<ShopifyBulkStart>> startAsync)
    {
        var deadline = context.CurrentUtcDateTime + plan.BulkTimeout;
        ShopifyBulkStart start;
        while ((start = await startAsync()).Busy)
        {
            if (context.CurrentUtcDateTime + plan.BulkPollInterval > deadline)
            {
                return (null, $"{operation} waited {plan.BulkTimeout} for another to finish.");
            }

            await context.CreateTimer(plan.BulkPollInterval, CancellationToken.None);
        }

        if (start.OperationId is not { } operationId)
        {
            return (null, null);
        }

        await watch.WatchAsync(operationId, plan.Retries());
        while (context.CurrentUtcDateTime < deadline)
        {
            await watch.WaitAsync(plan.BulkPollInterval);
            var check = await context.CallActivityAsync<ShopifyBulkCheck>(nameof(CheckBulkOperation), operationId, plan.Retries());
            if (check.State == ShopifyBulkState.Completed)
            {
                return (operationId, null);
            }

            if (check.State == ShopifyBulkState.Failed)
            {
                return (null, check.Error ?? $"{operation} {operationId} failed.");
            }
        }

        return (null, $"{operation} {operationId} did not finish within {plan.BulkTimeout}.");
    }
}

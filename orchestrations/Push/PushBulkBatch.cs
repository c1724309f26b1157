using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Pushes one bulk batch (a sub-orchestration of <see cref="PushChanges"/>): prepare it, run its bulk mutations —
/// variants, then products — each started and then polled on a durable timer until done, then finish it: record the
/// applied changes and write the rest one by one. A stage that fails, or does not finish within the plan's timeout,
/// leaves its updates to the one-by-one writes, and its error is listed.
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
        var prepared = await context.CallActivityAsync<BulkBatchPrepared>(nameof(PrepareBulkBatch), input.Batch, input.Plan.Retries());
        var result = prepared.Recorded;
        if (prepared.BulkWrites + prepared.OneByOneWrites == 0)
        {
            return result;
        }

        string? variants = null;
        string? products = null;
        if (prepared.BulkWrites > 0)
        {
            (variants, var variantsError) = await RunStageAsync(context, input, ShopifyBulkStage.Variants, null);
            (products, var productsError) = await RunStageAsync(context, input, ShopifyBulkStage.Products, variants);
            foreach (var error in new[] { variantsError, productsError }.OfType<string>())
            {
                result = result.WithError($"batch {input.Batch.BatchIndex}: {error} Its updates were written one by one.");
            }
        }

        var finished = await context.CallActivityAsync<PushBatchResult>(nameof(FinishBulkBatch), new FinishBulkBatchInput(input.Batch, variants, products), input.Plan.Retries());
        return result.Plus(finished);
    }

    // The completed operation's id, or none (nothing to write, or failed: then the error says why).
    private static async Task<(string? OperationId, string? Error)> RunStageAsync(
        TaskOrchestrationContext context, PushBulkBatchInput input, ShopifyBulkStage stage, string? variantsOperationId)
    {
        var plan = input.Plan;
        var deadline = context.CurrentUtcDateTime + plan.BulkTimeout;
        var stageInput = new BulkStageInput(input.Batch.RunId, input.Batch.BatchIndex, stage, variantsOperationId);
        ShopifyBulkStart start;
        while ((start = await context.CallActivityAsync<ShopifyBulkStart>(nameof(StartBulkMutation), stageInput, plan.Retries())).Busy)
        {
            if (context.CurrentUtcDateTime + plan.BulkPollInterval > deadline)
            {
                return (null, $"The {stage} bulk mutation waited {plan.BulkTimeout} for another to finish.");
            }

            await context.CreateTimer(plan.BulkPollInterval, CancellationToken.None);
        }

        if (start.OperationId is not { } operationId)
        {
            return (null, null);
        }

        while (context.CurrentUtcDateTime < deadline)
        {
            await context.CreateTimer(plan.BulkPollInterval, CancellationToken.None);
            var check = await context.CallActivityAsync<ShopifyBulkCheck>(nameof(CheckBulkOperation), operationId, plan.Retries());
            if (check.State == ShopifyBulkState.Completed)
            {
                return (operationId, null);
            }

            if (check.State == ShopifyBulkState.Failed)
            {
                return (null, check.Error ?? $"The bulk mutation {operationId} failed.");
            }
        }

        return (null, $"The bulk mutation {operationId} did not finish within {plan.BulkTimeout}.");
    }
}

using CowansSync.Functions.Hosting;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Push;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CowansSync.Functions.Push;

/// <summary>
/// The push's and the rollback's orchestrations and activities as Durable functions: one-line adapters onto the
/// classes in <c>orchestrations/Push</c>, as the Durable source generator (not served here) would emit them.
/// </summary>
/// <param name="selectChanges">Selects the changes and writes their batches.</param>
/// <param name="pushBatch">Pushes a batch one change at a time.</param>
/// <param name="startStoreExport">Starts a bulk batch's store export.</param>
/// <param name="prepareBulkBatch">Prepares a bulk batch.</param>
/// <param name="startBulkMutation">Starts one stage of a bulk batch's bulk mutation.</param>
/// <param name="checkBulkOperation">Checks a bulk operation once.</param>
/// <param name="finishBulkBatch">Records a bulk batch's outcomes and writes the rest one by one.</param>
/// <param name="stageRollback">Stages a rollback change.</param>
public sealed class PushFunctions(
    SelectChanges selectChanges,
    PushBatch pushBatch,
    StartStoreExport startStoreExport,
    PrepareBulkBatch prepareBulkBatch,
    StartBulkMutation startBulkMutation,
    CheckBulkOperation checkBulkOperation,
    FinishBulkBatch finishBulkBatch,
    StageRollback stageRollback)
{
    /// <summary>The push run.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The run's summary.</returns>
    [Function(nameof(PushChanges))]
    public static Task<PushSummary> RunPushChanges([OrchestrationTrigger] TaskOrchestrationContext context) => new PushChanges().RunAsync(context, context.GetInput<PushRequest>()!);

    /// <summary>One bulk batch of a push.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The batch's result.</returns>
    [Function(nameof(PushBulkBatch))]
    public static Task<PushBatchResult> RunPushBulkBatch([OrchestrationTrigger] TaskOrchestrationContext context) => new PushBulkBatch().RunAsync(context, context.GetInput<PushBulkBatchInput>()!);

    /// <summary>A rollback.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The rollback's summary.</returns>
    [Function(nameof(RollbackChange))]
    public static Task<RollbackSummary> RunRollbackChange([OrchestrationTrigger] TaskOrchestrationContext context) => new RollbackChange().RunAsync(context, context.GetInput<RollbackRequest>()!);

    /// <summary>Selects a push's changes.</summary>
    /// <param name="input">The run and its settings.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The selection.</returns>
    [Function(nameof(SelectChanges))]
    public Task<SelectedChanges> RunSelectChanges([ActivityTrigger] SelectChangesInput input, string instanceId) => selectChanges.RunAsync(new FunctionActivityContext(nameof(SelectChanges), instanceId), input);

    /// <summary>Pushes a batch one change at a time.</summary>
    /// <param name="input">The batch.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The batch's result.</returns>
    [Function(nameof(PushBatch))]
    public Task<PushBatchResult> RunPushBatch([ActivityTrigger] PushBatchInput input, string instanceId) => pushBatch.RunAsync(new FunctionActivityContext(nameof(PushBatch), instanceId), input);

    /// <summary>Starts a bulk batch's store export.</summary>
    /// <param name="input">The batch.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The start.</returns>
    [Function(nameof(StartStoreExport))]
    public Task<ShopifyBulkStart> RunStartStoreExport([ActivityTrigger] PushBatchInput input, string instanceId) => startStoreExport.RunAsync(new FunctionActivityContext(nameof(StartStoreExport), instanceId), input);

    /// <summary>Prepares a bulk batch.</summary>
    /// <param name="input">The batch and its completed store export.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>What was recorded and what is left to write.</returns>
    [Function(nameof(PrepareBulkBatch))]
    public Task<BulkBatchPrepared> RunPrepareBulkBatch([ActivityTrigger] PrepareBulkBatchInput input, string instanceId) => prepareBulkBatch.RunAsync(new FunctionActivityContext(nameof(PrepareBulkBatch), instanceId), input);

    /// <summary>Starts one stage of a bulk batch's bulk mutation.</summary>
    /// <param name="input">The batch and stage.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The start.</returns>
    [Function(nameof(StartBulkMutation))]
    public Task<ShopifyBulkStart> RunStartBulkMutation([ActivityTrigger] BulkStageInput input, string instanceId) => startBulkMutation.RunAsync(new FunctionActivityContext(nameof(StartBulkMutation), instanceId), input);

    /// <summary>Checks a bulk operation once.</summary>
    /// <param name="operationId">The operation's GID.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>Its state.</returns>
    [Function(nameof(CheckBulkOperation))]
    public Task<ShopifyBulkCheck> RunCheckBulkOperation([ActivityTrigger] string operationId, string instanceId) => checkBulkOperation.RunAsync(new FunctionActivityContext(nameof(CheckBulkOperation), instanceId), operationId);

    /// <summary>Finishes a bulk batch.</summary>
    /// <param name="input">The batch and its completed operations.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The batch's result.</returns>
    [Function(nameof(FinishBulkBatch))]
    public Task<PushBatchResult> RunFinishBulkBatch([ActivityTrigger] FinishBulkBatchInput input, string instanceId) => finishBulkBatch.RunAsync(new FunctionActivityContext(nameof(FinishBulkBatch), instanceId), input);

    /// <summary>Stages a rollback change.</summary>
    /// <param name="input">The rollback.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The staged rollback change, or the refusal.</returns>
    [Function(nameof(StageRollback))]
    public Task<StagedRollback> RunStageRollback([ActivityTrigger] RollbackRequest input, string instanceId) => stageRollback.RunAsync(new FunctionActivityContext(nameof(StageRollback), instanceId), input);
}

using CowansSync.Functions.Hosting;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CowansSync.Functions.Import;

/// <summary>
/// The catalog import's Durable functions: one-line adapters onto the orchestrators and activities in
/// <c>orchestrations/Import</c>, as the Durable source generator would write them (it is not served here).
/// </summary>
public sealed class ImportFunctions(
    SplitCatalog splitCatalog,
    PrepareXorosoftValidation prepareXorosoftValidation,
    StartStoreSnapshot startStoreSnapshot,
    LoadStoreSnapshot loadStoreSnapshot,
    StageBatch stageBatch,
    CountPendingChanges countPendingChanges,
    NotifyRun notifyRun)
{
    /// <summary>The import orchestration.</summary>
    /// <param name="context">The orchestration's context.</param>
    /// <returns>The run's final state.</returns>
    [Function(nameof(ImportCatalog))]
    public static Task<RunState> RunImportCatalog([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ImportCatalog().RunAsync(context, context.GetInput<ImportCatalogInput>()!);

    /// <summary>The sub-orchestration that stages a chunk of batches.</summary>
    /// <param name="context">The orchestration's context.</param>
    /// <returns>What the chunk staged.</returns>
    [Function(nameof(StageCatalogChunk))]
    public static Task<StagedBatches> RunStageCatalogChunk([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new StageCatalogChunk().RunAsync(context, context.GetInput<StageChunkInput>()!);

    /// <summary>Splits the ZIP into batch blobs.</summary>
    /// <param name="input">The run and its file.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns>What the file held.</returns>
    [Function(nameof(SplitCatalog))]
    public Task<CatalogSplit> RunSplitCatalog([ActivityTrigger] SplitCatalogInput input, string instanceId) =>
        splitCatalog.RunAsync(new FunctionActivityContext(nameof(SplitCatalog), instanceId), input);

    /// <summary>Makes Xorosoft's local copy ready for validation.</summary>
    /// <param name="input">The run's id.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns><see langword="true"/> once ready.</returns>
    [Function(nameof(PrepareXorosoftValidation))]
    public Task<bool> RunPrepareXorosoftValidation([ActivityTrigger] string input, string instanceId) =>
        prepareXorosoftValidation.RunAsync(new FunctionActivityContext(nameof(PrepareXorosoftValidation), instanceId), input);

    /// <summary>Starts the store export.</summary>
    /// <param name="input">The run's id.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns>The export's handle.</returns>
    [Function(nameof(StartStoreSnapshot))]
    public Task<string> RunStartStoreSnapshot([ActivityTrigger] string input, string instanceId) =>
        startStoreSnapshot.RunAsync(new FunctionActivityContext(nameof(StartStoreSnapshot), instanceId), input);

    /// <summary>Polls the store export and loads it when done.</summary>
    /// <param name="input">The run and the export.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns>Whether the snapshot is complete.</returns>
    [Function(nameof(LoadStoreSnapshot))]
    public Task<bool> RunLoadStoreSnapshot([ActivityTrigger] LoadStoreSnapshotInput input, string instanceId) =>
        loadStoreSnapshot.RunAsync(new FunctionActivityContext(nameof(LoadStoreSnapshot), instanceId), input);

    /// <summary>Validates, matches, diffs and stages one batch.</summary>
    /// <param name="input">The batch.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns>What it staged (its rows also counted in <see cref="SyncMeter"/>).</returns>
    [Function(nameof(StageBatch))]
    public async Task<StagedBatches> RunStageBatch([ActivityTrigger] StageBatchInput input, string instanceId)
    {
        var staged = await stageBatch.RunAsync(new FunctionActivityContext(nameof(StageBatch), instanceId), input);
        SyncMeter.RecordImportBatch(staged.Counters);
        return staged;
    }

    /// <summary>Counts a run's changes waiting for review.</summary>
    /// <param name="input">The run's id.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns>The count.</returns>
    [Function(nameof(CountPendingChanges))]
    public Task<int> RunCountPendingChanges([ActivityTrigger] string input, string instanceId) =>
        countPendingChanges.RunAsync(new FunctionActivityContext(nameof(CountPendingChanges), instanceId), input);

    /// <summary>Notifies people about a run.</summary>
    /// <param name="input">The notification.</param>
    /// <param name="instanceId">The orchestration that called it.</param>
    /// <returns><see langword="true"/> once sent.</returns>
    [Function(nameof(NotifyRun))]
    public Task<bool> RunNotifyRun([ActivityTrigger] RunNotification input, string instanceId) =>
        notifyRun.RunAsync(new FunctionActivityContext(nameof(NotifyRun), instanceId), input);
}

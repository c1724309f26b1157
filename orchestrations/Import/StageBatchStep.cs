using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Validates one batch against Xorosoft, matches it to the store's products, stages the changes and records the
/// batch's completion; the last batch to complete moves the run to <see cref="ImportPhases.Finish"/>.
/// </summary>
/// <remarks>
/// Idempotent: a batch whose completion marker exists is not staged again; staged changes have deterministic ids
/// and are inserted only if absent, so a crash before the marker leaves nothing twice. The fan-in recomputes the
/// run's counters from the markers (<see cref="FanIn"/>). A redelivery that finds the run already in the next
/// phase enqueues its message again, since the delivery that moved it may have stopped before sending it.
/// </remarks>
public sealed class StageBatchStep(
    IRunStore runs,
    IPayloadStore payloads,
    IXorosoftCatalog xorosoft,
    IShopifyCatalog shopify,
    IStoreSnapshots snapshots,
    IStagedChangeStore staged,
    IApprovalRuleStore rules,
    IStepScheduler queue,
    ImportOptions options,
    TimeProvider timeProvider) : IWorkflowStep<StageBatchMessage>
{
    private static readonly FanOutPhase<FinishImportMessage> Validation =
        new(ImportPhases.Validate, ImportPhases.Finish, ImportCounters.ProgressOf, runId => new FinishImportMessage(runId));

    /// <inheritdoc />
    public Task RunAsync(StageBatchMessage message, StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return FanIn.RunBatchAsync(runs, queue, Validation, message.RunId, message.BatchIndex, context,
            run => StageAsync(run, message.BatchIndex, cancellationToken), timeProvider, cancellationToken);
    }

    private async Task<BatchCompletion> StageAsync(WorkflowRun run, int batchIndex, CancellationToken cancellationToken)
    {
        var settings = ImportPayloads.SettingsOf(run.Configuration);
        var items = await payloads.ReadBatchAsync(run.RunId, batchIndex, cancellationToken);
        var lookupsTask = xorosoft.ValidateAsync(items, settings.ValidationMode, cancellationToken);
        string[] skus = [.. items.Select(i => i.Sku).Distinct(StringComparer.Ordinal)];
        string[] barcodes = [.. items.Select(i => i.Upc).OfType<string>().Where(Gtin.IsValid).Distinct(StringComparer.Ordinal)];
        var productsTask = settings.StoreSnapshotId is { } snapshotId
            ? snapshots.FindAsync(snapshotId, skus, barcodes, cancellationToken)
            : shopify.FindAsync(skus, barcodes, cancellationToken);
        var engine = new ApprovalRuleEngine(await rules.ListAsync(cancellationToken));
        var outcome = new BatchStager(engine, settings).Stage(run.RunId, items, await lookupsTask, await productsTask, timeProvider.GetUtcNow());
        if (settings.CreateStagingEntries && outcome.Changes.Count > 0)
        {
            await staged.StageAsync(outcome.Changes, cancellationToken);
        }

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [ImportCounters.XorosoftFiltered] = outcome.Filtered,
            ["errors"] = [.. outcome.Errors.Take(options.MaxListedErrors)],
        };
        return new BatchCompletion(batchIndex, outcome.Counters, lists);
    }
}

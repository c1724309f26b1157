using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Validates one batch against Xorosoft, matches it to the store's products, diffs and stages the changes, except
/// proposals a reviewer rejected in an earlier run (<see cref="IRejectedProposals"/>).
/// </summary>
/// <remarks>
/// Idempotent: staged changes have deterministic ids (run, SKU, direction) and are inserted only if absent, so a
/// repeat stages nothing twice, and a change a person already reviewed keeps its review. The counters it returns are
/// recomputed from the batch, so a repeat returns them again rather than adding to them.
/// </remarks>
public sealed class StageBatch(
    IPayloadStore payloads,
    IXorosoftCatalog xorosoft,
    IShopifyCatalog shopify,
    IStoreSnapshots snapshots,
    IStagedChangeStore staged,
    IRejectedProposals rejections,
    IApprovalRuleStore rules,
    TimeProvider timeProvider) : TaskActivity<StageBatchInput, StagedBatches>
{
    /// <inheritdoc />
    public override async Task<StagedBatches> RunAsync(TaskActivityContext context, StageBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        var cancellationToken = CancellationToken.None;
        var items = await payloads.ReadBatchAsync(input.RunId, input.BatchIndex, cancellationToken);
        var rulesTask = rules.ListAsync(cancellationToken);
        var lookups = await xorosoft.ValidateAsync(items, settings.ValidationMode, cancellationToken);

        // Rows the run leaves out need no store product; a row the feed gave no SKU is known in the store by the item
        // number Xorosoft found for it.
        var kept = items.Select(item => (Item: item, Lookup: lookups.GetValueOrDefault(item.LookupKey()))).Where(row => !settings.FiltersOut(row.Lookup)).ToList();
        string[] skus = [.. kept.Select(row => row.Item.Sku ?? row.Lookup?.Item?.ItemNumber).OfType<string>().Distinct(StringComparer.Ordinal)];
        string[] barcodes = [.. kept.Select(row => row.Item.Upc).OfType<string>().Where(Gtin.IsValid).Distinct(StringComparer.Ordinal)];
        var products = settings.StoreSnapshotId is { } snapshotId
            ? await snapshots.FindAsync(snapshotId, skus, barcodes, cancellationToken)
            : await shopify.FindAsync(skus, barcodes, cancellationToken);
        var engine = new ApprovalRuleEngine(await rulesTask);
        var outcome = new BatchStager(engine, settings).Stage(input.RunId, items, lookups, products, timeProvider.GetUtcNow());
        if (outcome.Changes.Count > 0)
        {
            // A rejection of this very change (a repeat of this batch after a review) keeps it staged, with its review.
            var rejected = await rejections.FindAsync([.. outcome.Changes.Select(ProposalFingerprint.Of)], cancellationToken);
            outcome = outcome.WithoutPreviouslyRejected(change => rejected.TryGetValue(ProposalFingerprint.Of(change), out var changeId) && changeId != change.ChangeId);
        }

        if (settings.CreateStagingEntries && outcome.Changes.Count > 0)
        {
            await staged.StageAsync(outcome.Changes, cancellationToken);
        }

        return new StagedBatches(outcome.Counters, [.. outcome.Filtered.Take(input.MaxListedErrors)], [.. outcome.Errors.Take(input.MaxListedErrors)]);
    }
}

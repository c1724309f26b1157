using System.Collections.Concurrent;
using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Pushes one batch of changes: moves them to applying, re-reads the store, decides each (<see cref="PushPlanner"/>),
/// writes — one change at a time, or the bulk-writable ones through bulk mutations — and records each outcome.
/// </summary>
/// <remarks>
/// Safe to repeat: a change already applied is counted, not written; one left applying by an interrupted attempt is
/// resumed, and the re-read tells whether its write got through. Failed writes are tried again up to
/// <see cref="PushOptions.MaxAttempts"/> in all, then left failed with Shopify's errors.
/// </remarks>
public sealed class BatchPusher(IStagedChangeStore staged, IShopifyPush shopify, PushPlanner planner, AppliedChanges applied, PushOptions options)
{
    private const int ParallelChanges = 4;

    /// <summary>Pushes the changes.</summary>
    /// <param name="changeIds">The batch's change ids.</param>
    /// <param name="bulk">Whether bulk-writable updates go through bulk mutations.</param>
    /// <param name="actor">Who pushed them.</param>
    /// <param name="cancellationToken">Stops the push; what is done stays recorded.</param>
    /// <returns>Each change's outcome, and the errors to list on the run.</returns>
    public async Task<(IReadOnlyDictionary<string, PushOutcome> Outcomes, IReadOnlyList<string> Errors)> PushAsync(
        IReadOnlyList<string> changeIds, bool bulk, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeIds);
        var batch = new Batch(actor);
        var ready = await StartApplyingAsync(changeIds, batch, cancellationToken);
        var decisions = await DecideAsync(ready, cancellationToken);
        var writes = new List<(StagedChange Change, PushDecision.Write Write)>();
        foreach (var (change, decision) in decisions)
        {
            switch (decision)
            {
                case PushDecision.AlreadyApplied already:
                    await RecordAppliedAsync(change, Target(change, already.Product.Product), batch, cancellationToken);
                    break;
                case PushDecision.Conflict conflict:
                    await RecordConflictAsync(change, conflict.Conflicts, conflict.Reason, batch, cancellationToken);
                    break;
                case PushDecision.Refuse refuse:
                    await RecordFailureAsync(change, refuse.Reason, batch, cancellationToken);
                    break;
                case PushDecision.Write write:
                    writes.Add((change, write));
                    break;
            }
        }

        var oneByOne = bulk ? await WriteInBulkAsync(writes, batch, cancellationToken) : writes;
        await Parallel.ForEachAsync(oneByOne, new ParallelOptions { MaxDegreeOfParallelism = ParallelChanges, CancellationToken = cancellationToken },
            async (item, token) => await WriteAsync(item.Change, item.Write, batch, token));
        return (batch.Outcomes, [.. batch.Errors]);
    }

    private async Task<List<StagedChange>> StartApplyingAsync(IReadOnlyList<string> changeIds, Batch batch, CancellationToken cancellationToken)
    {
        var ready = new ConcurrentBag<StagedChange>();
        await Parallel.ForEachAsync(changeIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (changeId, token) =>
        {
            var change = await staged.GetAsync(changeId, token);
            if (change is not null && (change.Status == ChangeStatus.Approved || change.CanRetry(options.MaxAttempts)))
            {
                // Another delivery of the batch may have moved it first: then it is judged by what that left.
                change = (await staged.TryTransitionAsync(changeId, c => c.StartApplying(), token))?.Change
                    ?? await staged.GetAsync(changeId, token);
            }

            switch (change?.Status)
            {
                case ChangeStatus.Applying:
                    ready.Add(change);
                    break;
                case ChangeStatus.Applied:
                    batch.Outcomes[changeId] = PushOutcome.Applied;
                    break;
                default:
                    batch.Outcomes[changeId] = PushOutcome.Skipped;
                    break;
            }
        });
        return [.. ready.OrderBy(c => c.ChangeId, StringComparer.Ordinal)];
    }

    private async Task<List<(StagedChange Change, PushDecision Decision)>> DecideAsync(List<StagedChange> changes, CancellationToken cancellationToken)
    {
        var productIds = changes.Select(c => c.CurrentData?.ShopifyProductId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var byId = productIds.Count > 0 ? await shopify.ReadAsync(productIds, cancellationToken) : new Dictionary<string, StoreProduct>();
        var creates = new ConcurrentDictionary<string, StoreProduct?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changes.Where(c => c.CurrentData?.ShopifyProductId is null), new ParallelOptions { MaxDegreeOfParallelism = ParallelChanges, CancellationToken = cancellationToken },
            async (change, token) => creates[change.ChangeId] = await shopify.FindBySkuAsync(change.Sku, token));
        return [.. changes.Select(change => (change, planner.Decide(change, change.CurrentData?.ShopifyProductId is { } id
            ? byId.GetValueOrDefault(id)
            : creates.GetValueOrDefault(change.ChangeId))))];
    }

    // Bulk results that failed fall back to one-by-one writes, which retry.
    private async Task<List<(StagedChange Change, PushDecision.Write Write)>> WriteInBulkAsync(
        List<(StagedChange Change, PushDecision.Write Write)> writes, Batch batch, CancellationToken cancellationToken)
    {
        var inBulk = writes.Where(w => w.Write.Update is { IsBulkWritable: true }).ToList();
        var rest = writes.Except(inBulk).ToList();
        if (inBulk.Count == 0)
        {
            return rest;
        }

        var results = await shopify.BulkUpdateAsync([.. inBulk.Select(w => w.Write.Update!)], cancellationToken);
        for (var i = 0; i < inBulk.Count; i++)
        {
            if (results[i].Succeeded)
            {
                await RecordAppliedAsync(inBulk[i].Change, results[i].Product!, batch, cancellationToken);
            }
            else
            {
                rest.Add(inBulk[i]);
            }
        }

        return rest;
    }

    private async Task WriteAsync(StagedChange change, PushDecision.Write write, Batch batch, CancellationToken cancellationToken)
    {
        for (var attempt = change.RetryCount + 1; ; attempt++)
        {
            var result = await TryWriteAsync(change, write, cancellationToken);
            if (result.Succeeded)
            {
                await RecordAppliedAsync(change, result.Product!, batch, cancellationToken);
                return;
            }

            if (result.IsStaleQuantity && write.Update is { } update)
            {
                var conflict = new FieldConflict(change.Sku, ProductFields.InventoryQuantity.Name, ProductFields.InventoryQuantity.ValueOf(update.Current),
                    ProductFields.InventoryQuantity.ValueOf(update.Proposed), JsonSerializer.SerializeToElement<int?>(null), null, null,
                    AutoResolution.Manual("Shopify's stock moved since staging; its compare-and-set refused the write."));
                await RecordConflictAsync(change, [conflict], $"Shopify refused the stock of '{change.Sku}': {string.Join("; ", result.Errors)}", batch, cancellationToken);
                return;
            }

            var error = string.Join("; ", result.Errors);
            if (attempt >= options.MaxAttempts)
            {
                await RecordFailureAsync(change, error, batch, cancellationToken);
                return;
            }

            // Counted as a failed attempt, then tried again.
            await staged.TryTransitionAsync(change.ChangeId, c => FailForRetry(c, error), cancellationToken);
        }
    }

    private async Task<ShopifyWriteResult> TryWriteAsync(StagedChange change, PushDecision.Write write, CancellationToken cancellationToken)
    {
        try
        {
            return write.Update is { } update
                ? await shopify.UpdateAsync(update, cancellationToken)
                : await shopify.CreateAsync(change.ProposedData!, PushPlanner.IdempotencyKeyOf(change), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The adapter already retried transient faults; what is left is this attempt's failure.
            return ShopifyWriteResult.Failure([new ShopifyUserError(null, exception.Message, null)]);
        }
    }

    private async Task RecordAppliedAsync(StagedChange change, Product written, Batch batch, CancellationToken cancellationToken)
    {
        await applied.RecordAsync(change, written, batch.Actor, cancellationToken);
        batch.Outcomes[change.ChangeId] = PushOutcome.Applied;
    }

    private async Task RecordConflictAsync(StagedChange change, IReadOnlyList<FieldConflict> conflicts, string reason, Batch batch, CancellationToken cancellationToken)
    {
        await staged.TryTransitionAsync(change.ChangeId, c => c.MarkConflicted(conflicts, reason), cancellationToken);
        batch.Outcomes[change.ChangeId] = PushOutcome.Conflict;
        batch.Errors.Enqueue($"{change.Sku}: {reason}");
    }

    private async Task RecordFailureAsync(StagedChange change, string error, Batch batch, CancellationToken cancellationToken)
    {
        await staged.TryTransitionAsync(change.ChangeId, c => c.MarkFailed(error), cancellationToken);
        batch.Outcomes[change.ChangeId] = PushOutcome.Failed;
        batch.Errors.Enqueue($"{change.Sku}: {error}");
    }

    private static StagedChangeTransition FailForRetry(StagedChange change, string error)
    {
        var failed = change.MarkFailed(error);
        return failed.Change is { } again ? again.StartApplying() : failed;
    }

    // The proposed product with the store's ids: what the store holds once the change is applied.
    private static Product Target(StagedChange change, Product store) => change.ProposedData! with
    {
        ShopifyProductId = store.ShopifyProductId,
        ShopifyVariantId = store.ShopifyVariantId,
        ShopifyInventoryItemId = store.ShopifyInventoryItemId,
    };

    private sealed class Batch(string actor)
    {
        public string Actor { get; } = actor;

        public ConcurrentDictionary<string, PushOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Errors { get; } = new();
    }
}

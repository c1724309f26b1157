using System.Collections.Concurrent;
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
public sealed class BatchPusher(IStagedChangeStore staged, IShopifyPush shopify, PushPlanner planner, ChangeWriter writer, PushOptions options)
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
        var batch = new PushTally(actor);
        var ready = await StartApplyingAsync(changeIds, batch, cancellationToken);
        var decisions = await DecideAsync(ready, cancellationToken);
        var writes = new List<(StagedChange Change, PushDecision.Write Write)>();
        foreach (var (change, decision) in decisions)
        {
            switch (decision)
            {
                case PushDecision.AlreadyApplied already:
                    await writer.RecordAppliedAsync(change, ChangeWriter.Target(change, already.Product.Product), batch, cancellationToken);
                    break;
                case PushDecision.Conflict conflict:
                    await writer.RecordConflictAsync(change, conflict.Conflicts, conflict.Reason, batch, cancellationToken);
                    break;
                case PushDecision.Refuse refuse:
                    await writer.RecordFailureAsync(change, refuse.Reason, batch, cancellationToken);
                    break;
                case PushDecision.Write write:
                    writes.Add((change, write));
                    break;
            }
        }

        var oneByOne = bulk ? await WriteInBulkAsync(writes, batch, cancellationToken) : writes;
        await Parallel.ForEachAsync(oneByOne, new ParallelOptions { MaxDegreeOfParallelism = ParallelChanges, CancellationToken = cancellationToken },
            async (item, token) => await writer.WriteAsync(item.Change, item.Write, batch, token));
        return (batch.Outcomes, [.. batch.Errors]);
    }

    private async Task<List<StagedChange>> StartApplyingAsync(IReadOnlyList<string> changeIds, PushTally batch, CancellationToken cancellationToken)
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
        List<(StagedChange Change, PushDecision.Write Write)> writes, PushTally batch, CancellationToken cancellationToken)
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
                await writer.RecordAppliedAsync(inBulk[i].Change, results[i].Product!, batch, cancellationToken);
            }
            else
            {
                rest.Add(inBulk[i]);
            }
        }

        return rest;
    }
}

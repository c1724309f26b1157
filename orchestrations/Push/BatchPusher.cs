using System.Collections.Concurrent;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Pushes one batch of changes: moves them to applying, re-reads the store, decides each (<see cref="PushPlanner"/>),
/// writes them one change at a time, and records each outcome. The bulk path (<see cref="PushBulkBatch"/>) prepares
/// with <see cref="PrepareAsync"/> and writes what its bulk mutations left with <see cref="WriteAsync"/>.
/// </summary>
/// <remarks>
/// Safe to repeat: a change already applied is counted, not written; one left applying by an interrupted attempt is
/// resumed, and the re-read tells whether its write got through. Failed writes are tried again up to
/// <see cref="PushOptions.MaxAttempts"/> in all, then left failed with Shopify's errors.
/// </remarks>
public sealed class BatchPusher(IStagedChangeStore staged, IShopifyPush shopify, PushPlanner planner, ChangeWriter writer, PushOptions options)
{
    /// <summary>Table reads and records in flight per batch: each takes milliseconds, so a few hide the round trips.</summary>
    internal const int ParallelRecords = 8;

    // Shopify writes in flight per batch: the rate limit, not the app, sets their pace.
    private const int ParallelChanges = 4;

    /// <summary>Pushes the changes, one at a time.</summary>
    /// <param name="changeIds">The batch's change ids.</param>
    /// <param name="actor">Who pushed them.</param>
    /// <param name="cancellationToken">Stops the push; what is done stays recorded.</param>
    /// <returns>Each change's outcome, and the errors to list on the run.</returns>
    public async Task<PushTally> PushAsync(IReadOnlyList<string> changeIds, string actor, CancellationToken cancellationToken)
    {
        var (batch, writes) = await PrepareAsync(changeIds, actor, null, cancellationToken);
        await WriteAsync(writes, batch, cancellationToken);
        return batch;
    }

    /// <summary>
    /// Moves the changes to applying, re-reads the store and decides each: records those already applied, conflicting
    /// or refused, and answers the writes left to do.
    /// </summary>
    /// <param name="changeIds">The batch's change ids.</param>
    /// <param name="actor">Who pushes them.</param>
    /// <param name="storeExportId">A completed store export to re-read the store from, or <see langword="null"/> to
    /// read the batch's products in pages.</param>
    /// <param name="cancellationToken">Stops the work; what is done stays recorded.</param>
    /// <returns>The outcomes recorded so far, and the writes, in change id order.</returns>
    public async Task<(PushTally Batch, IReadOnlyList<PendingWrite> Writes)> PrepareAsync(
        IReadOnlyList<string> changeIds, string actor, string? storeExportId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeIds);
        var batch = new PushTally(actor);
        var ready = await StartApplyingAsync(changeIds, batch, cancellationToken);
        var decisions = await DecideAsync(ready, storeExportId, cancellationToken);
        var already = decisions.Where(d => d.Decision is PushDecision.AlreadyApplied)
            .Select(d => (d.Change, ChangeWriter.Target(d.Change, ((PushDecision.AlreadyApplied)d.Decision).Product.Product))).ToList();
        await writer.RecordAppliedAsync(already, batch, cancellationToken);
        await Parallel.ForEachAsync(decisions, new ParallelOptions { MaxDegreeOfParallelism = ParallelRecords, CancellationToken = cancellationToken }, async (decided, token) =>
        {
            var (change, decision) = decided;
            switch (decision)
            {
                case PushDecision.Conflict conflict:
                    await writer.RecordConflictAsync(change, conflict.Conflicts, conflict.Reason, batch, token);
                    break;
                case PushDecision.Refuse refuse:
                    await writer.RecordFailureAsync(change, refuse.Reason, batch, token);
                    break;
            }
        });
        return (batch, [.. decisions.Where(d => d.Decision is PushDecision.Write).Select(d => new PendingWrite(d.Change, (PushDecision.Write)d.Decision))]);
    }

    /// <summary>Writes changes one at a time (a few concurrently), each tried again as <see cref="ChangeWriter"/> does.</summary>
    /// <param name="writes">The writes.</param>
    /// <param name="batch">Where the outcomes go.</param>
    /// <param name="cancellationToken">Stops the writes; what is done stays recorded.</param>
    /// <returns>A task that completes when every outcome is recorded.</returns>
    public Task WriteAsync(IEnumerable<PendingWrite> writes, PushTally batch, CancellationToken cancellationToken)
        => Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = ParallelChanges, CancellationToken = cancellationToken },
            async (pending, token) => await writer.WriteAsync(pending.Change, pending.Write, batch, token));

    private async Task<List<StagedChange>> StartApplyingAsync(IReadOnlyList<string> changeIds, PushTally batch, CancellationToken cancellationToken)
    {
        // A change left applying by an interrupted delivery of the batch is resumed as it is.
        var read = await staged.GetManyAsync(changeIds, cancellationToken);
        var moved = await staged.TransitionManyAsync([.. read.Values.Where(IsPushable)], change => IsPushable(change)
            ? change.StartApplying()
            : new StagedChangeTransition(null, $"A {change.Status} change is not pushed."), cancellationToken);
        var current = read.Values.Select(change => moved.GetValueOrDefault(change.ChangeId) ?? change).ToDictionary(change => change.ChangeId, StringComparer.Ordinal);
        var ready = new List<StagedChange>();
        foreach (var changeId in changeIds)
        {
            switch (current.GetValueOrDefault(changeId))
            {
                case { Status: ChangeStatus.Applying } change:
                    ready.Add(change);
                    break;
                case { Status: ChangeStatus.Applied }:
                    batch.Outcomes[changeId] = PushOutcome.Applied;
                    break;
                default:
                    batch.Outcomes[changeId] = PushOutcome.Skipped;
                    break;
            }
        }

        return [.. ready.OrderBy(c => c.ChangeId, StringComparer.Ordinal)];
    }

    private bool IsPushable(StagedChange change) => change.Status == ChangeStatus.Approved || change.CanRetry(options.MaxAttempts);

    private async Task<List<(StagedChange Change, PushDecision Decision)>> DecideAsync(List<StagedChange> changes, string? storeExportId, CancellationToken cancellationToken)
    {
        var updates = changes.Where(c => c.CurrentData?.ShopifyProductId is not null).ToList();
        var productIds = updates.Select(c => c.CurrentData!.ShopifyProductId!).Distinct(StringComparer.Ordinal).ToList();
        var fields = updates.SelectMany(c => c.FieldChanges.Select(f => f.Field)).ToHashSet(StringComparer.Ordinal);
        var byId = productIds.Count == 0 ? new Dictionary<string, StoreProduct>()
            : storeExportId is null ? await shopify.ReadAsync(productIds, fields, cancellationToken)
            : await shopify.ReadStoreExportAsync(storeExportId, productIds, cancellationToken);
        var creates = new ConcurrentDictionary<string, StoreProduct?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changes.Where(c => c.CurrentData?.ShopifyProductId is null), new ParallelOptions { MaxDegreeOfParallelism = ParallelChanges, CancellationToken = cancellationToken },
            async (change, token) => creates[change.ChangeId] = await shopify.FindBySkuAsync(change.Sku, token));
        return [.. changes.Select(change => (change, planner.Decide(change, change.CurrentData?.ShopifyProductId is { } id
            ? byId.GetValueOrDefault(id)
            : creates.GetValueOrDefault(change.ChangeId))))];
    }
}

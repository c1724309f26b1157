using System.Text.Json;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Orchestrations.Push;

/// <summary>Writes single changes to the store and records how changes ended: applied, conflicting or failed.</summary>
/// <remarks>
/// Every write may be repeated (<see cref="IShopifyPush"/>), and every record is a conditional move of the change, so
/// a repeated or concurrent attempt records each outcome once.
/// </remarks>
public sealed class ChangeWriter(IStagedChangeStore staged, IShopifyPush shopify, AppliedChanges appliedChanges, PushOptions options)
{
    /// <summary>Writes one change, trying again up to <see cref="PushOptions.MaxAttempts"/> in all, and records how it ended.</summary>
    /// <param name="change">The change, applying.</param>
    /// <param name="write">What to write.</param>
    /// <param name="batch">Where the outcome goes.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when the outcome is recorded.</returns>
    public async Task WriteAsync(StagedChange change, PushDecision.Write write, PushTally batch, CancellationToken cancellationToken)
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

    /// <summary>Records a change the store now holds.</summary>
    /// <param name="change">The change.</param>
    /// <param name="written">The product as the store holds it.</param>
    /// <param name="batch">Where the outcome goes.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    public Task RecordAppliedAsync(StagedChange change, Product written, PushTally batch, CancellationToken cancellationToken)
        => RecordAppliedAsync([(change, written)], batch, cancellationToken);

    /// <summary>Records changes the store now holds, a batch's worth in a few writes.</summary>
    /// <param name="applied">Each change with the product as the store holds it.</param>
    /// <param name="batch">Where the outcomes go.</param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>A task that completes when they are recorded.</returns>
    public async Task RecordAppliedAsync(IReadOnlyList<(StagedChange Change, Product Written)> applied, PushTally batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(batch);
        await appliedChanges.RecordAsync(applied, batch.Actor, cancellationToken);
        foreach (var (change, _) in applied)
        {
            batch.Outcomes[change.ChangeId] = PushOutcome.Applied;
        }
    }

    /// <summary>Records a change not pushed because the store moved.</summary>
    /// <param name="change">The change.</param>
    /// <param name="conflicts">The fields that moved.</param>
    /// <param name="reason">What moved, in words.</param>
    /// <param name="batch">Where the outcome goes.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    public async Task RecordConflictAsync(StagedChange change, IReadOnlyList<FieldConflict> conflicts, string reason, PushTally batch, CancellationToken cancellationToken)
    {
        await staged.TryTransitionAsync(change.ChangeId, c => c.MarkConflicted(conflicts, reason), cancellationToken);
        batch.Outcomes[change.ChangeId] = PushOutcome.Conflict;
        batch.Errors.Enqueue($"{change.Sku}: {reason}");
    }

    /// <summary>Records a change that failed for good.</summary>
    /// <param name="change">The change.</param>
    /// <param name="error">Why.</param>
    /// <param name="batch">Where the outcome goes.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    public async Task RecordFailureAsync(StagedChange change, string error, PushTally batch, CancellationToken cancellationToken)
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

    /// <summary>The proposed product with the store's ids: what the store holds once the change is applied.</summary>
    /// <param name="change">The change.</param>
    /// <param name="store">The store's product.</param>
    /// <returns>The product.</returns>
    public static Product Target(StagedChange change, Product store) => change.ProposedData! with
    {
        ShopifyProductId = store.ShopifyProductId,
        ShopifyVariantId = store.ShopifyVariantId,
        // A re-read that compared no inventory item field did not read the item; its id never changes, so the staged one stands.
        ShopifyInventoryItemId = store.ShopifyInventoryItemId ?? change.CurrentData?.ShopifyInventoryItemId,
    };
}

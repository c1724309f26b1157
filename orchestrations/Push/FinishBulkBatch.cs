using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Finishes a bulk batch once its bulk mutations are done: reads each update's outcome, records the applied ones, and
/// writes one by one (with retries, as <see cref="BatchPusher"/> does) those that failed in bulk and those bulk
/// mutations cannot write.
/// </summary>
/// <remarks>
/// Idempotent: the outcomes are read again from the operations, the changes are read again and only those still
/// applying are recorded or written, records are conditional transitions and every write may be repeated. A repeat
/// counts what an earlier attempt settled by the changes' states.
/// </remarks>
public sealed class FinishBulkBatch(IPayloadStore payloads, IStagedChangeStore staged, IShopifyPush shopify, ChangeWriter writer, BatchPusher pusher)
    : TaskActivity<FinishBulkBatchInput, PushBatchResult>
{
    /// <inheritdoc />
    public override async Task<PushBatchResult> RunAsync(TaskActivityContext context, FinishBulkBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (runId, batchIndex, actor) = input.Batch;
        var writes = await payloads.ReadBulkWritesAsync(runId, batchIndex, CancellationToken.None);
        var results = writes.Bulk.Count > 0
            ? await shopify.ReadBulkUpdateAsync(writes.BulkUpdates(), input.VariantsOperationId, input.ProductsOperationId, CancellationToken.None)
            : [];
        var batch = new PushTally(actor);
        var applying = await ReadApplyingAsync([.. writes.Bulk.Concat(writes.OneByOne).Select(w => w.ChangeId)], batch);
        var applied = Enumerable.Range(0, writes.Bulk.Count)
            .Where(index => results[index].Succeeded && applying.ContainsKey(writes.Bulk[index].ChangeId))
            .Select(index => (applying[writes.Bulk[index].ChangeId], results[index].Product!)).ToList();
        await writer.RecordAppliedAsync(applied, batch, CancellationToken.None);

        var oneByOne = writes.Bulk.Where((write, index) => !results[index].Succeeded)
            .Concat(writes.OneByOne)
            .Where(write => applying.ContainsKey(write.ChangeId))
            .Select(write => new PendingWrite(applying[write.ChangeId], new PushDecision.Write(write.Update)));
        await pusher.WriteAsync(oneByOne, batch, CancellationToken.None);
        return PushBatchResult.Of(batch);
    }

    // Changes no longer applying were settled by an earlier attempt: counted by the state it left them in.
    private async Task<IReadOnlyDictionary<string, StagedChange>> ReadApplyingAsync(IReadOnlyList<string> changeIds, PushTally batch)
    {
        var read = await staged.GetManyAsync(changeIds, CancellationToken.None);
        var applying = new Dictionary<string, StagedChange>(StringComparer.Ordinal);
        foreach (var changeId in changeIds)
        {
            var change = read.GetValueOrDefault(changeId);
            if (change is { Status: ChangeStatus.Applying })
            {
                applying[changeId] = change;
                continue;
            }

            batch.Outcomes[changeId] = change switch
            {
                { Status: ChangeStatus.Applied } => PushOutcome.Applied,
                { Status: ChangeStatus.Failed, HasConflicts: true } => PushOutcome.Conflict,
                { Status: ChangeStatus.Failed } => PushOutcome.Failed,
                _ => PushOutcome.Skipped,
            };
        }

        return applying;
    }
}

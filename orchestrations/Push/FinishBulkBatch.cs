using System.Collections.Concurrent;
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
    private const int ParallelReads = 8;

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
        var oneByOne = new List<PendingWrite>();
        for (var index = 0; index < writes.Bulk.Count; index++)
        {
            if (!applying.TryGetValue(writes.Bulk[index].ChangeId, out var change))
            {
                continue;
            }

            if (results[index].Succeeded)
            {
                await writer.RecordAppliedAsync(change, results[index].Product!, batch, CancellationToken.None);
            }
            else
            {
                oneByOne.Add(new PendingWrite(change, new PushDecision.Write(writes.Bulk[index].Update)));
            }
        }

        oneByOne.AddRange(writes.OneByOne.Where(w => applying.ContainsKey(w.ChangeId)).Select(w => new PendingWrite(applying[w.ChangeId], new PushDecision.Write(w.Update))));
        await pusher.WriteAsync(oneByOne, batch, CancellationToken.None);
        return PushBatchResult.Of(batch);
    }

    // Changes no longer applying were settled by an earlier attempt: counted by the state it left them in.
    private async Task<IReadOnlyDictionary<string, StagedChange>> ReadApplyingAsync(IReadOnlyList<string> changeIds, PushTally batch)
    {
        var applying = new ConcurrentDictionary<string, StagedChange>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changeIds, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads }, async (changeId, token) =>
        {
            var change = await staged.GetAsync(changeId, token);
            if (change is { Status: ChangeStatus.Applying })
            {
                applying[changeId] = change;
                return;
            }

            batch.Outcomes[changeId] = change switch
            {
                { Status: ChangeStatus.Applied } => PushOutcome.Applied,
                { Status: ChangeStatus.Failed, HasConflicts: true } => PushOutcome.Conflict,
                { Status: ChangeStatus.Failed } => PushOutcome.Failed,
                _ => PushOutcome.Skipped,
            };
        });
        return applying;
    }
}

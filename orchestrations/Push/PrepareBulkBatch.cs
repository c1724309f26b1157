using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// Prepares a bulk batch: moves its changes to applying, re-reads the store from the batch's completed store export,
/// decides each, records those already
/// applied, conflicting or refused, and keeps the writes left — bulk-writable updates for the bulk mutations, the
/// rest for one-by-one pushing — in the payload store (<see cref="PushPayloads.BulkWritesPath"/>).
/// </summary>
/// <remarks>
/// Idempotent: the moves and records are conditional transitions, and a repeat (which can only come before any bulk
/// mutation of the batch starts) decides again from the same export and overwrites the prepared writes with its own.
/// </remarks>
public sealed class PrepareBulkBatch(IPayloadStore payloads, BatchPusher pusher) : TaskActivity<PrepareBulkBatchInput, BulkBatchPrepared>
{
    /// <inheritdoc />
    public override async Task<BulkBatchPrepared> RunAsync(TaskActivityContext context, PrepareBulkBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (runId, batchIndex, actor) = input.Batch;
        var changeIds = await payloads.ReadPushBatchAsync(runId, batchIndex, CancellationToken.None);
        var (batch, writes) = await pusher.PrepareAsync(changeIds, actor, input.StoreExportId, CancellationToken.None);
        var bulk = writes.Where(w => w.Write.Update is { IsBulkWritable: true }).Select(w => new PreparedWrite(w.Change.ChangeId, w.Write.Update)).ToList();
        var oneByOne = writes.Where(w => w.Write.Update is not { IsBulkWritable: true }).Select(w => new PreparedWrite(w.Change.ChangeId, w.Write.Update)).ToList();
        await payloads.WriteBulkWritesAsync(runId, batchIndex, new BulkBatchWrites(bulk, oneByOne), CancellationToken.None);
        return new BulkBatchPrepared(PushBatchResult.Of(batch), bulk.Count, oneByOne.Count);
    }
}

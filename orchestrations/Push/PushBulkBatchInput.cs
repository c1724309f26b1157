namespace CowansSync.Orchestrations.Push;

/// <summary>The input of a <see cref="PushBulkBatch"/> orchestration.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="Plan">The parent push's plan (poll interval, timeout, retries).</param>
public sealed record PushBulkBatchInput(PushBatchInput Batch, PushPlan Plan);

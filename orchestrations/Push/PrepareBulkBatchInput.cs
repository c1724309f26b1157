namespace CowansSync.Orchestrations.Push;

/// <summary>The input of <see cref="PrepareBulkBatch"/>.</summary>
/// <param name="Batch">The bulk batch.</param>
/// <param name="StoreExportId">The completed store export the batch re-reads the store from.</param>
public sealed record PrepareBulkBatchInput(PushBatchInput Batch, string StoreExportId);

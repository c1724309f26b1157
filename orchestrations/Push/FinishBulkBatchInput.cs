namespace CowansSync.Orchestrations.Push;

/// <summary>The input of <see cref="FinishBulkBatch"/>.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="VariantsOperationId">The completed variants operation; <see langword="null"/> when that stage wrote nothing or did not complete.</param>
/// <param name="ProductsOperationId">The completed products operation; <see langword="null"/> likewise.</param>
public sealed record FinishBulkBatchInput(PushBatchInput Batch, string? VariantsOperationId, string? ProductsOperationId);

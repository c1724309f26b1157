using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Import;

/// <summary>
/// Stages one chunk of a run's batches, <see cref="StageChunkInput.ParallelBatches"/> at a time, and sums what they
/// counted. A batch that still fails after its retries is counted as failed rows, with its error listed; the rest go on.
/// </summary>
/// <remarks>
/// Deterministic: it only calls activities, in the input's order, and reads nothing but its input and their results.
/// Its history holds one chunk's batches, never the whole catalog's.
/// </remarks>
public sealed class StageCatalogChunk : TaskOrchestrator<StageChunkInput, StagedBatches>
{
    /// <summary>Retries of a batch that fails (storage or an API down for a moment), beyond the clients' own.</summary>
    internal static TaskOptions BatchRetries { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    /// <inheritdoc />
    public override async Task<StagedBatches> RunAsync(TaskOrchestrationContext context, StageChunkInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var batches = Enumerable.Range(input.FirstBatch, input.BatchRows.Count).ToList();
        var results = await Workflows.Waves.RunAsync(batches, input.ParallelBatches, batch => StageAsync(context, input, batch));
        return results.Aggregate(StagedBatches.None, (total, batch) => total.Add(batch, input.MaxListedErrors));
    }

    private static async Task<StagedBatches> StageAsync(TaskOrchestrationContext context, StageChunkInput input, int batch)
    {
        try
        {
            return await context.CallActivityAsync<StagedBatches>(
                nameof(StageBatch), new StageBatchInput(input.RunId, batch, input.Settings, input.MaxListedErrors), BatchRetries);
        }
        catch (TaskFailedException failed)
        {
            var rows = input.BatchRows[batch - input.FirstBatch];
            return new StagedBatches(
                new Dictionary<string, long> { [ImportCounters.FailedRows] = rows }, [], [$"batch {batch} ({rows} rows) failed: {failed.FailureDetails.ErrorMessage}"]);
        }
    }
}

using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Push;

/// <summary>
/// The settings a push orchestration decides with, carried in its input: options read while it replays could change
/// between replays, the input cannot. The starter fills it from <see cref="PushOptions"/>.
/// </summary>
/// <param name="BatchSize">Changes per batch written one by one.</param>
/// <param name="BulkThreshold">From this many changes on, the push takes the bulk path (0 = always).</param>
/// <param name="BulkBatchSize">Changes per batch on the bulk path.</param>
/// <param name="ParallelBatches">Batches pushed at once.</param>
/// <param name="BulkPollInterval">Time between checks of a bulk mutation, and between refused starts.</param>
/// <param name="BulkTimeout">How long one bulk mutation may take, waiting to start included.</param>
/// <param name="ActivityAttempts">Attempts of each activity before its batch is counted failed.</param>
/// <param name="ActivityRetryInterval">Wait before the second attempt; it doubles after.</param>
public sealed record PushPlan(
    int BatchSize,
    int BulkThreshold,
    int BulkBatchSize,
    int ParallelBatches,
    TimeSpan BulkPollInterval,
    TimeSpan BulkTimeout,
    int ActivityAttempts,
    TimeSpan ActivityRetryInterval)
{
    /// <summary>The plan the options give.</summary>
    /// <param name="options">The push options.</param>
    /// <returns>The plan.</returns>
    public static PushPlan From(PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PushPlan(options.BatchSize, options.BulkThreshold, options.BulkBatchSize, options.ParallelBatches,
            options.BulkPollInterval, options.BulkTimeout, options.ActivityAttempts, options.ActivityRetryInterval);
    }

    /// <summary>Whether a push of <paramref name="total"/> changes takes the bulk path.</summary>
    /// <param name="total">The changes selected.</param>
    /// <returns><see langword="true"/> for the bulk path.</returns>
    public bool IsBulk(int total) => total > 0 && total >= BulkThreshold;

    /// <summary>The retry policy of the push's activities.</summary>
    /// <returns>Options for <c>CallActivityAsync</c>.</returns>
    public TaskOptions Retries() => TaskOptions.FromRetryPolicy(new RetryPolicy(ActivityAttempts, ActivityRetryInterval, backoffCoefficient: 2));
}

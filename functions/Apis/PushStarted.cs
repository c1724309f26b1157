namespace CowansSync.Functions.Apis;

/// <summary>The answer to a push request: the push run, to follow at <see cref="StatusUrl"/>.</summary>
/// <param name="BatchId">The push run's id.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Summary">Its counters (<c>total, applied, failed, conflicts, skipped</c>) once it has finished; else <see langword="null"/>.</param>
/// <param name="StatusUrl">Where to read it.</param>
public sealed record PushStarted(string BatchId, string Status, IReadOnlyDictionary<string, long>? Summary, string StatusUrl)
{
    /// <summary>The run's id, as every run-starting answer names it (the same as the seeds' <c>batch_id</c> of a push answer).</summary>
    public string RunId => BatchId;
}

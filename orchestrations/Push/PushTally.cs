using System.Collections.Concurrent;

namespace CowansSync.Orchestrations.Push;

/// <summary>One batch's outcomes and errors, collected as its changes are pushed (concurrently).</summary>
/// <param name="actor">Who pushed the batch; versions name them.</param>
public sealed class PushTally(string actor)
{
    /// <summary>Who pushed the batch.</summary>
    public string Actor { get; } = actor;

    /// <summary>Each change's outcome, by change id.</summary>
    public ConcurrentDictionary<string, PushOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

    /// <summary>What went wrong, one line per failed or conflicting change.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();
}

namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// Fan-out/fan-in in bounded waves, for orchestrators: at most <c>width</c> calls run at once, and the orchestrator
/// hears after each wave (to publish progress). Deterministic: calls are started in the items' order and the results
/// come back in that order, so every replay schedules the same tasks.
/// </summary>
public static class Waves
{
    /// <summary>Runs <paramref name="call"/> for every item, <paramref name="width"/> at a time.</summary>
    /// <typeparam name="TItem">The items.</typeparam>
    /// <typeparam name="TResult">What each call returns.</typeparam>
    /// <param name="items">The items, in order.</param>
    /// <param name="width">How many calls run at once (at least 1).</param>
    /// <param name="call">Starts one call (an activity or a sub-orchestration).</param>
    /// <param name="afterWave">Told each wave's results, in order; may be <see langword="null"/>.</param>
    /// <returns>Every result, in the items' order.</returns>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int width, Func<TItem, Task<TResult>> call, Action<IReadOnlyList<TResult>>? afterWave = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var results = new List<TResult>(items.Count);
        foreach (var wave in items.Chunk(width))
        {
            var done = await Task.WhenAll(wave.Select(call));
            results.AddRange(done);
            afterWave?.Invoke(done);
        }

        return results;
    }

    /// <summary>Adds counters into a running total.</summary>
    /// <param name="total">The total so far.</param>
    /// <param name="counters">What to add.</param>
    /// <returns>The new total (the inputs are left as they are).</returns>
    public static IReadOnlyDictionary<string, long> Add(IReadOnlyDictionary<string, long> total, IReadOnlyDictionary<string, long> counters)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(counters);
        var sum = new Dictionary<string, long>(total, StringComparer.Ordinal);
        foreach (var (name, value) in counters)
        {
            sum[name] = sum.GetValueOrDefault(name) + value;
        }

        return sum;
    }
}

namespace CowansSync.Orchestrations.Workflows;

/// <summary>
/// Fan-out/fan-in, bounded, for orchestrators: at most <c>width</c> calls run at once, a new one starting as soon as
/// one finishes (no wave waits for its slowest call), and the orchestrator hears of each result as it arrives (to
/// publish progress). Deterministic: calls start in the items' order and finish in the order the history records, so
/// every replay schedules the same tasks; the results come back in the items' order.
/// </summary>
public static class Waves
{
    /// <summary>Runs <paramref name="call"/> for every item, <paramref name="width"/> at a time.</summary>
    /// <typeparam name="TItem">The items.</typeparam>
    /// <typeparam name="TResult">What each call returns.</typeparam>
    /// <param name="items">The items, in order.</param>
    /// <param name="width">How many calls run at once (at least 1).</param>
    /// <param name="call">Starts one call (an activity or a sub-orchestration).</param>
    /// <param name="afterEach">Told each result as its call finishes; may be <see langword="null"/>.</param>
    /// <returns>Every result, in the items' order.</returns>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int width, Func<TItem, Task<TResult>> call, Action<TResult>? afterEach = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var tasks = new Task<TResult>[items.Count];
        var running = new List<Task<TResult>>(width);
        for (var next = 0; next < items.Count || running.Count > 0;)
        {
            while (next < items.Count && running.Count < width)
            {
                running.Add(tasks[next] = call(items[next]));
                next++;
            }

            var finished = await Task.WhenAny(running);
            running.Remove(finished);
            afterEach?.Invoke(await finished);
        }

        return [.. tasks.Select(task => task.Result)];
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

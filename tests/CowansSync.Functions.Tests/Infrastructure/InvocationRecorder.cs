using System.Collections.Concurrent;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>What the test handlers saw, for assertions; shared across hosts in a test.</summary>
public sealed class InvocationRecorder
{
    private readonly ConcurrentQueue<object> _invocations = new();

    /// <summary>Everything recorded, in order.</summary>
    public IReadOnlyList<object> Invocations => [.. _invocations];

    public void Record(object invocation) => _invocations.Enqueue(invocation);

    /// <summary>Waits until <paramref name="condition"/> holds over the recorded invocations.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<object>, bool> condition, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition(Invocations))
        {
            await Task.Delay(20, cancellation.Token);
        }
    }
}

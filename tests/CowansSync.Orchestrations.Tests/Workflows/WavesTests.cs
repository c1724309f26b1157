using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Orchestrations.Tests.Workflows;

public sealed class WavesTests
{
    [Fact]
    public async Task RunAsync_OneCallFinishes_NextStartsWithoutWaitingForTheOthers()
    {
        // Arrange: three items, two at a time; each call finishes when the test says so.
        var calls = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var started = new List<int>();
        var heard = new List<int>();

        // Act
        var run = Waves.RunAsync([0, 1, 2], 2, item =>
        {
            started.Add(item);
            return calls[item].Task;
        }, heard.Add);
        var startedFirst = started.ToList();
        calls[1].SetResult(10);
        await WaitUntilAsync(() => started.Count == 3);
        calls[2].SetResult(20);
        await WaitUntilAsync(() => heard.Count == 2);
        calls[0].SetResult(0);
        var results = await run;

        // Assert
        Assert.Equal([0, 1], startedFirst);
        Assert.Equal([10, 20, 0], heard);
        Assert.Equal([0, 10, 20], results);
    }

    [Fact]
    public async Task RunAsync_NoItems_ReturnsEmptyWithoutCalling()
    {
        var results = await Waves.RunAsync<int, int>([], 4, _ => throw new InvalidOperationException("called"));

        Assert.Empty(results);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}

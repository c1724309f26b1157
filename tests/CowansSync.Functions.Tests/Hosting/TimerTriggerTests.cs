using Microsoft.Azure.Functions.Worker;
using CowansSync.Functions.Tests.Fakes;
using CowansSync.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary>Standalone mode's timer trigger: two instances sharing one storage account run each occurrence once.</summary>
public sealed class TimerTriggerTests
{
    [Fact]
    public async Task Schedule_TwoInstancesShareStorage_OccurrenceRunsOnce()
    {
        // Arrange: both instances on one fake clock, 0.5 s before the minute, on an Azurite of their own (timer locks are per function name).
        await using var azurite = await Testing.AzuriteServer.StartAsync();
        var clock = new WatchedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 59, 500, TimeSpan.Zero));
        var occurrence = new DateTimeOffset(2026, 3, 1, 10, 1, 0, TimeSpan.Zero);
        var recorder = new InvocationRecorder();
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["SyncStorage"] = azurite.ConnectionString;
        settings["Test:TimerSchedule"] = "0 * * * * *";
        settings["Test:Queue"] = Testing.AzuriteServer.UniqueName("unused");
        await using var first = StartHost(appRoot, settings, recorder, clock);
        await using var second = StartHost(appRoot, settings, recorder, clock);
        await WaitUntilAsync(() => clock.RequestedDueTimes.Count(due => due == occurrence) == 2);

        // Act
        clock.Advance(TimeSpan.FromSeconds(1));
        await recorder.WaitUntilAsync(invocations => invocations.Count >= 1);

        // Assert: once both schedulers wait for the next minute, the occurrence has been decided on both.
        await WaitUntilAsync(() => clock.RequestedDueTimes.Count(due => due == occurrence.AddMinutes(1)) == 2);
        var run = Assert.IsType<TimerInfo>(Assert.Single(recorder.Invocations));
        Assert.Equal(occurrence.UtcDateTime, run.ScheduleStatus!.Next);
        Assert.False(run.IsPastDue);
    }

    private static FunctionAppFactory StartHost(TestAppRoot appRoot, Dictionary<string, string?> settings, InvocationRecorder recorder, WatchedClock clock)
    {
        var host = new FunctionAppFactory(appRoot, settings, services =>
        {
            services.AddSingleton(recorder);
            services.AddSingleton<TimeProvider>(clock);
        }, [typeof(RecordingFunctions)]);
        host.CreateClient().Dispose();
        return host;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

using System.Net;
using System.Text.Json;
using CowansSync.Functions.Apis;
using CowansSync.Functions.Tests.Fakes;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Apis;

public sealed class HealthApiTests
{
    [Fact]
    public async Task GetHealth_StorageReachable_Returns200WithQueuesTimersAndNoSecrets()
    {
        // Arrange
        var queueName = AzuriteServer.UniqueName("health");
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["Test:Queue"] = queueName;
        settings["Test:TimerSchedule"] = "0 0 3 * * *";
        await using var sut = new FunctionAppFactory(appRoot, settings, services => services.AddSingleton(new InvocationRecorder()),
            [typeof(RecordingFunctions), typeof(HealthApi)]);
        using var client = sut.CreateClient();

        // Act: anonymous
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("standalone", body.GetProperty("mode").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.True(body.GetProperty("storage").GetProperty(service).GetProperty("reachable").GetBoolean(), service);
        }

        var queue = Assert.Single(body.GetProperty("queues").EnumerateArray());
        Assert.Equal(queueName, queue.GetProperty("queue").GetString());
        Assert.Equal(0, queue.GetProperty("depth").GetInt64());
        Assert.Equal($"{queueName}-poison", queue.GetProperty("poison_queue").GetString());
        Assert.Equal(0, queue.GetProperty("poison_depth").GetInt64());
        var timer = Assert.Single(body.GetProperty("timers").EnumerateArray());
        Assert.Equal(RecordingFunctions.TimerName, timer.GetProperty("function").GetString());
        Assert.Equal("0 0 3 * * *", timer.GetProperty("schedule").GetString());
        Assert.Equal(3, timer.GetProperty("next_run").GetDateTimeOffset().Hour);
        Assert.DoesNotContain(FunctionAppFactory.BootstrapKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Eby8vdM02", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_AfterTimerRan_ReportsLastRun()
    {
        // Arrange: an hourly timer, half a second before the hour, on an Azurite of its own (timer records are per function name).
        await using var azurite = await AzuriteServer.StartAsync();
        var clock = new WatchedClock(new DateTimeOffset(2026, 3, 1, 10, 59, 59, 500, TimeSpan.Zero));
        var occurrence = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero);
        var recorder = new InvocationRecorder();
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["SyncStorage"] = azurite.ConnectionString;
        settings["Test:Queue"] = AzuriteServer.UniqueName("health");
        settings["Test:TimerSchedule"] = "0 0 * * * *";
        await using var sut = new FunctionAppFactory(appRoot, settings, services =>
        {
            services.AddSingleton(recorder);
            services.AddSingleton<TimeProvider>(clock);
        }, [typeof(RecordingFunctions), typeof(HealthApi)]);
        using var client = sut.CreateClient();
        await WaitUntilAsync(() => clock.RequestedDueTimes.Contains(occurrence));

        // Act
        clock.Advance(TimeSpan.FromSeconds(1));
        await recorder.WaitUntilAsync(invocations => invocations.Count >= 1);
        await WaitUntilAsync(() => clock.RequestedDueTimes.Contains(occurrence.AddHours(1)));
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        // Assert
        var timer = (await response.ReadJsonAsync()).GetProperty("timers")[0];
        var lastRun = timer.GetProperty("last_run");
        Assert.Equal(occurrence, lastRun.GetProperty("scheduled_time").GetDateTimeOffset());
        Assert.True(lastRun.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task GetHealth_StorageUnreachable_Returns503()
    {
        // Arrange: nothing listens on port 1.
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["SyncStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        await using var sut = new FunctionAppFactory(appRoot, settings);
        using var client = sut.CreateClient();

        // Act
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("storage").GetProperty("table").GetProperty("reachable").GetBoolean());
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

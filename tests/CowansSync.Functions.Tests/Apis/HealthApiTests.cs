using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Apis;

public sealed class HealthApiTests
{
    [Fact]
    public async Task GetHealth_StorageReachable_Returns200WithQueuesTimersAndNoSecrets()
    {
        // Arrange
        var queueName = AzuriteServer.UniqueName("health");
        var appRoot = TestAppRoot.Create().WithQueue(FunctionNames.SyncWork, queueName).WithTimer("HealthTimer", "0 0 3 * * *");
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings[HostingMode.PortVariable] = "7071";
        await using var sut = new FunctionAppFactory(appRoot, settings, services => services.AddTestHandlers(new InvocationRecorder(), "HealthTimer"));
        using var client = sut.CreateClient();

        // Act: anonymous
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("custom_handler", body.GetProperty("mode").GetString());
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
        Assert.Equal("HealthTimer", timer.GetProperty("function").GetString());
        Assert.Equal("0 0 3 * * *", timer.GetProperty("schedule").GetString());
        Assert.Equal(3, timer.GetProperty("next_run").GetDateTimeOffset().Hour);
        Assert.DoesNotContain(FunctionAppFactory.BootstrapKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Eby8vdM02", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_AfterTimerInvocation_ReportsLastRun()
    {
        // Arrange
        var timerName = $"Timer{Guid.NewGuid():N}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 2, TimeSpan.Zero));
        var appRoot = TestAppRoot.Create().WithTimer(timerName, "0 0 * * * *");
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings[HostingMode.PortVariable] = "7071";
        await using var sut = new FunctionAppFactory(appRoot, settings, services =>
        {
            services.AddTestHandlers(new InvocationRecorder(), timerName);
            services.AddSingleton<TimeProvider>(clock);
        });
        using var client = sut.CreateClient();
        using var invoked = await client.PostAsJsonAsync($"/{timerName}", new { Data = new { timer = new { IsPastDue = false } } });

        // Act
        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        var lastRun = (await response.ReadJsonAsync()).GetProperty("timers")[0].GetProperty("last_run");
        Assert.Equal(clock.GetUtcNow(), lastRun.GetProperty("started_at").GetDateTimeOffset());
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
}

using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary>What the running app writes to its log, as the built app writes it.</summary>
public sealed class AppLogTests
{
    [Fact]
    public async Task Log_AppTalkingToStorage_HasNoLinePerStorageRequest()
    {
        // Arrange
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        var logPath = Path.Combine(appRoot.Path, "app.log");

        // Act: start-up and the health check (which reads every storage service) talk to storage.
        using (var app = AppProcess.Start(settings, appRoot.Path, logPath))
        {
            using var client = await app.ClientAsync();
            using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
            health.EnsureSuccessStatusCode();
        }

        // Assert
        var log = await File.ReadAllTextAsync(logPath);
        Assert.Contains("\"Category\":\"Microsoft.Hosting.Lifetime\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Category\":\"Azure.Core\"", log, StringComparison.Ordinal);
    }
}

using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Settings;

/// <summary>
/// A missing or malformed setting stops the app at start with a message that names it. The built app runs as its
/// own process: an in-memory host that fails to start races WebApplicationFactory's own start-up
/// (dotnet/aspnetcore#33494), which then reports an ObjectDisposedException instead of the app's error.
/// </summary>
public sealed class SettingsValidationTests
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Auth:BootstrapAdminKey", null, "Auth__BootstrapAdminKey is required")]
    [InlineData("Auth:BootstrapAdminKey", "too-short", "Auth__BootstrapAdminKey must be at least 32 characters")]
    [InlineData("SyncStorage", null, "The setting SyncStorage is required")]
    [InlineData("SyncStorage", "AccountName=x", "SyncStorage is not a valid connection string: No valid combination of account information found")]
    [InlineData("Shopify:AccessToken", "shpat_123", "Shopify__ShopDomain is required when any Shopify__* setting is set")]
    [InlineData("Shopify:ApiVersion", "latest", "Shopify__ApiVersion must be a version such as 2026-10")]
    [InlineData("Etilize:Port", "70000", "Etilize__Port must be between 1 and 65535")]
    [InlineData("Xorosoft:BaseUrl", "xorosoft.example", "Xorosoft__BaseUrl must be an absolute http or https URL")]
    [InlineData("Queues:BatchSize", "64", "Queues__BatchSize must be between 1 and 32")]
    public async Task Start_MissingOrMalformedSetting_FailsNamingIt(string key, string? value, string expectedMessage)
    {
        // Arrange
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings[key] = value;

        // Act
        var (exitCode, log) = await StartAsync(appRoot, settings);

        // Assert
        Assert.NotEqual(0, exitCode);
        Assert.Contains(expectedMessage, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecretInvalid_MessageDoesNotEchoIt()
    {
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["Auth:BootstrapAdminKey"] = "short-secret-value";

        var (exitCode, log) = await StartAsync(appRoot, settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth__BootstrapAdminKey", log, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-value", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidTimerSchedule_FailsNamingTheFunction()
    {
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["Etilize:PollSchedule"] = "every five minutes";

        var (exitCode, log) = await StartAsync(appRoot, settings);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("EtilizePoll", log, StringComparison.Ordinal);
        Assert.Contains("every five minutes", log, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Log)> StartAsync(TestAppRoot appRoot, IReadOnlyDictionary<string, string?> settings)
    {
        var logPath = Path.Combine(appRoot.Path, "app.log");
        using var app = AppProcess.Start(settings, appRoot.Path, logPath);
        var exitCode = await app.ExitCodeAsync(s_startTimeout);
        return (exitCode, await File.ReadAllTextAsync(logPath));
    }
}

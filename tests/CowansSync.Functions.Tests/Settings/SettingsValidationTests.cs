using CowansSync.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Tests.Settings;

/// <summary>A missing or malformed setting stops the app at start with a message that names it.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Auth:BootstrapAdminKey", null, "Auth__BootstrapAdminKey is required")]
    [InlineData("Auth:BootstrapAdminKey", "too-short", "Auth__BootstrapAdminKey must be at least 32 characters")]
    [InlineData("SyncStorage", null, "The setting SyncStorage is required")]
    [InlineData("SyncStorage", "AccountName=x", "SyncStorage is not a valid connection string: The storage connection string has no AccountKey")]
    [InlineData("Shopify:AccessToken", "shpat_123", "Shopify__ShopDomain is required when any Shopify__* setting is set")]
    [InlineData("Shopify:ApiVersion", "latest", "Shopify__ApiVersion must be a version such as 2026-10")]
    [InlineData("Etilize:PollSchedule", "every hour", "Etilize__PollSchedule is not a valid schedule")]
    [InlineData("Etilize:Port", "70000", "Etilize__Port must be between 1 and 65535")]
    [InlineData("Xorosoft:BaseUrl", "xorosoft.example", "Xorosoft__BaseUrl must be an absolute http or https URL")]
    [InlineData("Queues:BatchSize", "64", "Queues__BatchSize must be between 1 and 32")]
    public async Task Start_MissingOrMalformedSetting_FailsNamingIt(string key, string? value, string expectedMessage)
    {
        // Arrange
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings[key] = value;
        await using var sut = new FunctionAppFactory(appRoot, settings);

        // Act
        var error = Assert.ThrowsAny<Exception>(() => sut.CreateClient());

        // Assert
        var validation = Assert.IsType<OptionsValidationException>(error.InnerException ?? error, exactMatch: false);
        Assert.Contains(expectedMessage, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecretInvalid_MessageDoesNotEchoIt()
    {
        var appRoot = TestAppRoot.Create();
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        settings["Auth:BootstrapAdminKey"] = "short-secret-value";
        await using var sut = new FunctionAppFactory(appRoot, settings);

        var error = Assert.ThrowsAny<Exception>(() => sut.CreateClient());

        Assert.DoesNotContain("short-secret-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidFunctionDefinition_FailsNamingTheFile()
    {
        var appRoot = TestAppRoot.Create().WithTimer("BadTimer", "%Missing__Schedule%");
        var settings = await FunctionAppFactory.BaseSettingsAsync(appRoot);
        await using var sut = new FunctionAppFactory(appRoot, settings, services => services.AddTestHandlers(new InvocationRecorder(), "BadTimer"));

        var error = Assert.ThrowsAny<Exception>(() => sut.CreateClient());

        Assert.Contains("BadTimer", error.Message, StringComparison.Ordinal);
        Assert.Contains("Missing__Schedule, which is not set", error.Message, StringComparison.Ordinal);
    }
}

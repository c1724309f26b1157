using System.Reflection;
using System.Text.Json;
using CowansSync.Functions.Auth;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Hosting.Standalone.Durable;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Functions.Workflows;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Push;
using CowansSync.Testing;
using Microsoft.Extensions.Configuration;

namespace CowansSync.Functions.Tests.Settings;

public sealed class LocalSettingsTests
{
    [Fact]
    public void AddLocalSettings_EnvironmentVariableSet_EnvironmentWins()
    {
        // Arrange
        var variable = $"CowansSyncTest{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable($"{variable}__Probe", "from-environment");
        var appRoot = TestAppRoot.Create().WithLocalSettings(new Dictionary<string, string>
        {
            [$"{variable}__Probe"] = "from-file",
            [$"{variable}__Other"] = "from-file",
        });
        var sut = new ConfigurationManager();
        sut.AddEnvironmentVariables();

        try
        {
            // Act
            sut.AddLocalSettings(appRoot.Path);

            // Assert
            Assert.Equal("from-environment", sut[$"{variable}:Probe"]);
            Assert.Equal("from-file", sut[$"{variable}:Other"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{variable}__Probe", null);
        }
    }

    [Fact]
    public async Task Start_SettingsOnlyInLocalSettingsFile_AppStarts()
    {
        var appRoot = TestAppRoot.Create().WithLocalSettings(new Dictionary<string, string>
        {
            ["SyncStorage"] = (await AzuriteServer.Shared).ConnectionString,
            ["Auth__BootstrapAdminKey"] = FunctionAppFactory.BootstrapKey,
        });
        await using var sut = new FunctionAppFactory(appRoot, new Dictionary<string, string?> { ["Functions:AppRoot"] = appRoot.Path });

        using var client = sut.CreateClient();

        Assert.NotNull(client);
    }

    [Fact]
    public async Task Start_SampleAsLocalSettings_PassesValidation()
    {
        var appRoot = TestAppRoot.Create();
        File.Copy(RepositoryPaths.Combine("local.settings.sample.json"), Path.Combine(appRoot.Path, LocalSettingsConfigurationExtensions.FileName));
        await using var sut = new FunctionAppFactory(appRoot, new Dictionary<string, string?> { ["Functions:AppRoot"] = appRoot.Path });

        using var client = sut.CreateClient();

        Assert.NotNull(client);
    }

    [Fact]
    public void Sample_EveryOptionsProperty_IsListed()
    {
        // Arrange
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));
        var listed = sample.RootElement.GetProperty("Values").EnumerateObject().Select(value => value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        (Type Type, string Section)[] sections =
        [
            (typeof(EtilizeOptions), EtilizeOptions.Section), (typeof(XorosoftOptions), XorosoftOptions.Section),
            (typeof(ShopifyOptions), ShopifyOptions.Section), (typeof(AuthOptions), AuthOptions.Section),
            (typeof(SyncStorageOptions), SyncStorageOptions.Section), (typeof(QueueTriggerOptions), QueueTriggerOptions.Section),
            (typeof(DurableTaskHubOptions), DurableTaskHubOptions.Section), (typeof(ImportOptions), ImportOptions.Section),
            (typeof(PushOptions), PushOptions.Section), (typeof(RunRetentionOptions), RunRetentionOptions.Section),
            (typeof(NotificationOptions), NotificationOptions.Section),
        ];

        // Act
        var missing = sections
            .SelectMany(s => s.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{s.Section}__{p.Name}"))
            .Where(name => name != "SyncStorage__ConnectionString" && !listed.Contains(name))
            .ToList();

        // Assert
        Assert.Empty(missing);
        Assert.Contains("SyncStorage", listed);
        Assert.Contains("AzureWebJobsStorage", listed);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME", listed);
    }
}

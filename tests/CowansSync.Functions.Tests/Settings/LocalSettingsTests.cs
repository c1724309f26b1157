using System.Reflection;
using System.Text.Json;
using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Import;
using CowansSync.Orchestrations.Inventory;
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
    public void Sample_EveryOptionsProperty_IsListedAndNothingElse()
    {
        // Arrange: every options class — those with a Section constant, found in both assemblies, and the archive limits.
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")));
        var listed = sample.RootElement.GetProperty("Values").EnumerateObject().Select(value => value.Name).ToList();
        var sections = new[] { typeof(Program).Assembly, typeof(ImportOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Select(type => (Type: type, Section: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(pair => pair.Section is not null && pair.Type.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(pair => (pair.Type, Section: pair.Section!))
            .Append((Type: typeof(EtilizeArchiveOptions), Section: CowansSync.Functions.Extensions.EtilizeExtensions.ArchiveSection))
            .ToList();
        var settings = sections
            .SelectMany(s => s.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(Bindable).Select(p => $"{s.Section}__{p.Name}"))
            .Where(name => name != "SyncStorage__ConnectionString")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var triggerSettings = CowansSync.Functions.Hosting.TriggerSettings.StandaloneDefaults.Keys.Select(key => key.Replace(":", "__", StringComparison.Ordinal));
        string[] hostSettings = ["AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "SyncStorage"];

        // Act: a setting is listed when the sample names it (a list by its first index); the sample lists nothing else.
        var missing = settings.Where(name => !listed.Any(value => value.Equals(name, StringComparison.OrdinalIgnoreCase) || value.StartsWith($"{name}__", StringComparison.OrdinalIgnoreCase))).ToList();
        var unknown = listed.Where(value => !hostSettings.Contains(value)
            && !triggerSettings.Contains(value, StringComparer.OrdinalIgnoreCase)
            && !settings.Any(name => value.Equals(name, StringComparison.OrdinalIgnoreCase) || value.StartsWith($"{name}__", StringComparison.OrdinalIgnoreCase))).ToList();

        // Assert
        Assert.Contains(sections, s => s.Type == typeof(InventoryOptions));
        Assert.Empty(missing);
        Assert.Empty(unknown);
    }

    // What configuration binding sets: a writable property, or a list it fills in place.
    private static bool Bindable(PropertyInfo property) =>
        property.CanWrite || (property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType));
}

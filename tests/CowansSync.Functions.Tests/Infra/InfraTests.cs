using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CowansSync.Functions.Extensions;
using CowansSync.Functions.Hosting;
using CowansSync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Tests.Infra;

/// <summary>
/// <c>infra/</c> compiled and linted by the Bicep CLI the build restores, and the app settings it deploys checked
/// against what the app validates at start and the settings its triggers name.
/// </summary>
public sealed class InfraTests
{
    private static readonly string Bicep = typeof(InfraTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;

    [Theory]
    [InlineData("main.bicep")]
    [InlineData("monitoring.bicep")]
    [InlineData("dev.bicepparam")]
    [InlineData("prod.bicepparam")]
    public async Task BicepFile_BuildsAndLintsWithoutAWarning(string file)
    {
        var path = RepositoryPaths.Combine("infra", file);

        var built = await RunAsync(file.EndsWith(".bicepparam", StringComparison.Ordinal) ? "build-params" : "build", path, "--stdout");
        var linted = await RunAsync("lint", path);

        Assert.True(built.ExitCode == 0, built.Error);
        Assert.True(linted.ExitCode == 0 && linted.Error.Length == 0 && linted.Output.Length == 0, linted.Output + linted.Error);
    }

    [Fact]
    public async Task AppSettings_DeployedByBicep_SatisfyTheAppsValidationAndEveryTrigger()
    {
        var settings = await DeployedSettingsAsync();

        var missingTriggers = TriggerSettings.StandaloneDefaults.Keys.Select(key => key.Replace(":", "__", StringComparison.Ordinal)).Where(name => !settings.ContainsKey(name));
        var validation = Record.Exception(() => Validate(settings));

        Assert.Empty(missingTriggers);
        Assert.Null(validation);
        Assert.Contains("AzureWebJobsStorage__accountName", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
    }

    [Fact]
    public async Task AppSettings_WithoutOneTheAppRequires_FailValidationNamingIt()
    {
        var settings = await DeployedSettingsAsync();
        settings.Remove("Auth__BootstrapAdminKey");

        var error = Assert.IsType<OptionsValidationException>(Record.Exception(() => Validate(settings)));

        Assert.Contains("Auth__BootstrapAdminKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "usage")]
    [InlineData("qa", "no infra/qa.bicepparam")]
    [InlineData("dev", "not set: COWANSSYNC_RESOURCE_GROUP")]
    public async Task DeployScript_WithoutEnvironmentOrSettings_RefusesWithExit2BeforeCallingAzure(string environment, string reason)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/deploy.sh");
        if (environment.Length > 0)
        {
            start.ArgumentList.Add(environment);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("COWANSSYNC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    // The Function App's settings as the ARM template sets them, each with a value a deployment would give: a
    // parameter's from dev.bicepparam, a Key Vault reference a secret of the right length, an expression a name.
    private static async Task<Dictionary<string, string?>> DeployedSettingsAsync()
    {
        var template = await RunAsync("build", RepositoryPaths.Combine("infra", "main.bicep"), "--stdout");
        var parameters = await RunAsync("build-params", RepositoryPaths.Combine("infra", "dev.bicepparam"), "--stdout");
        Assert.True(template.ExitCode == 0 && parameters.ExitCode == 0, template.Error + parameters.Error);
        using var arm = JsonDocument.Parse(template.Output);
        using var parameterFile = JsonDocument.Parse(JsonDocument.Parse(parameters.Output).RootElement.GetProperty("parametersJson").GetString()!);
        var given = parameterFile.RootElement.GetProperty("parameters");
        var declared = arm.RootElement.GetProperty("parameters");
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        var app = arm.RootElement.GetProperty("resources").EnumerateArray().Single(resource => resource.GetProperty("type").GetString() == "Microsoft.Web/sites");
        foreach (var setting in app.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray())
        {
            var value = setting.GetProperty("value").GetString()!;
            settings[setting.GetProperty("name").GetString()!] = value switch
            {
                _ when value.Contains("@Microsoft.KeyVault", StringComparison.Ordinal) => "secret-from-key-vault-0123456789abcdef",
                _ when value.StartsWith("[parameters('", StringComparison.Ordinal) => ParameterValue(value[13..^3], given, declared),
                _ when value.StartsWith('[') => "cowanssyncdev",
                _ => value,
            };
        }

        return settings;
    }

    private static string? ParameterValue(string name, JsonElement given, JsonElement declared) =>
        given.TryGetProperty(name, out var parameter) ? parameter.GetProperty("value").ToString()
        : declared.GetProperty(name).TryGetProperty("defaultValue", out var fallback) ? fallback.ToString()
        : null;

    // What the app checks at start (every ValidateOnStart), as the Functions host would start it.
    private static void Validate(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(pair => KeyValuePair.Create(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)));
        builder.AddSyncServices(HostingMode.FunctionsHost);
        using var provider = builder.Services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        if (!OperatingSystem.IsWindows())
        {
            // A restored package keeps no file modes.
            File.SetUnixFileMode(Bicep, File.GetUnixFileMode(Bicep) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}

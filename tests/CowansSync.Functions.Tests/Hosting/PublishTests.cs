using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary><c>dotnet publish</c> of the app is a deployable isolated-worker app root.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publish_FunctionsProject_OutputIsAnIsolatedWorkerAppRoot()
    {
        // Arrange: publish what this test run already built (same configuration), so no second build is needed.
        var configuration = typeof(PublishTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var output = Directory.CreateTempSubdirectory("publish-").FullName;

        // Act
        var (exitCode, log) = await RunAsync("dotnet", "publish", RepositoryPaths.Combine("functions", "CowansSync.Functions.csproj"),
            "--configuration", configuration, "--no-build", "--output", output);

        // Assert: the host finds every function the standalone host runs, with the Durable extension loaded.
        Assert.True(exitCode == 0, log);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "functions.metadata")));
        var published = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        var expected = FunctionMethods.FromAssembly(typeof(Program).Assembly).All.Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, published);
        Assert.True(File.Exists(Path.Combine(output, "worker.config.json")));
        Assert.True(Directory.Exists(Path.Combine(output, ".azurefunctions")));
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "extensions.json")));
        var extensionNames = extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("DurableTask", extensionNames);

        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json")));
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _), "An isolated-worker app has no custom handler.");
        var hostExtensions = host.RootElement.GetProperty("extensions");
        Assert.Equal("api", hostExtensions.GetProperty("http").GetProperty("routePrefix").GetString());
        var durable = hostExtensions.GetProperty("durableTask");
        Assert.Equal("%Durable__HubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("SyncStorage", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Hosting;

/// <summary><c>dotnet publish</c> of the app is a valid Functions app root.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publish_FunctionsProject_OutputIsFunctionsAppRoot()
    {
        // Arrange: publish what this test run already built (same configuration), so no second build is needed.
        var configuration = typeof(PublishTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var output = Directory.CreateTempSubdirectory("publish-").FullName;
        var definitions = Directory.GetDirectories(RepositoryPaths.Combine("functions", "FunctionApp")).Select(Path.GetFileName).ToList();

        // Act
        var (exitCode, log) = await RunAsync("dotnet", "publish", RepositoryPaths.Combine("functions", "CowansSync.Functions.csproj"),
            "--configuration", configuration, "--no-build", "--output", output);

        // Assert
        Assert.True(exitCode == 0, log);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("host.json")), File.ReadAllText(Path.Combine(output, "host.json")));
        Assert.NotEmpty(definitions);
        foreach (var name in definitions)
        {
            Assert.True(File.Exists(Path.Combine(output, name!, "function.json")), $"{name}/function.json is missing from the publish output.");
        }

        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "host.json")));
        var description = host.RootElement.GetProperty("customHandler").GetProperty("description");
        Assert.Equal("dotnet", description.GetProperty("defaultExecutablePath").GetString());
        var entryAssembly = Assert.Single(description.GetProperty("arguments").EnumerateArray()).GetString()!;
        Assert.True(File.Exists(Path.Combine(output, entryAssembly)), $"{entryAssembly} is missing from the publish output.");
        Assert.True(File.Exists(Path.Combine(output, Path.ChangeExtension(entryAssembly, ".runtimeconfig.json"))));
        Assert.False(Directory.Exists(Path.Combine(output, "FunctionApp")), "Definitions belong at the app root, not under FunctionApp/.");
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

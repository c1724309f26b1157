using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Testing;
using Microsoft.Azure.Functions.Worker;

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

        // Assert: the host finds every function the standalone host runs, with the same triggers, and loads Durable.
        Assert.True(exitCode == 0, log);
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "functions.metadata")));
        var published = metadata.RootElement.EnumerateArray().Select(Published).Order(StringComparer.Ordinal).ToList();
        var expected = FunctionMethods.FromAssembly(typeof(Program).Assembly).All.Select(Expected).Order(StringComparer.Ordinal).ToList();
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

    // "name type detail": the trigger's route, schedule or queue, as the host reads them.
    private static string Published(JsonElement function)
    {
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var detail = trigger.GetProperty("type").GetString() switch
        {
            "httpTrigger" => $"{string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))} {trigger.GetProperty("route").GetString()}",
            "timerTrigger" => trigger.GetProperty("schedule").GetString(),
            "queueTrigger" => trigger.GetProperty("queueName").GetString(),
            _ => "",
        };
        return $"{function.GetProperty("name").GetString()} {trigger.GetProperty("type").GetString()} {detail}";
    }

    private static string Expected(FunctionMethod function) => function.Trigger switch
    {
        HttpTriggerAttribute http => $"{function.Name} httpTrigger {string.Join(',', http.Methods!.Select(m => m.ToUpperInvariant()))} {http.Route}",
        TimerTriggerAttribute timer => $"{function.Name} timerTrigger {timer.Schedule}",
        QueueTriggerAttribute queue => $"{function.Name} queueTrigger {queue.QueueName}",
        OrchestrationTriggerAttribute => $"{function.Name} orchestrationTrigger ",
        ActivityTriggerAttribute => $"{function.Name} activityTrigger ",
        _ => $"{function.Name} {function.Trigger.GetType().Name} ",
    };

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

using System.Text.Json;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>Builds a throwaway Functions app root: <c>&lt;Name&gt;/function.json</c> folders and, optionally, a <c>local.settings.json</c>.</summary>
public sealed class TestAppRoot
{
    private TestAppRoot(string path) => Path = path;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>An empty app root in a new temporary folder.</summary>
    public static TestAppRoot Create() => new(Directory.CreateTempSubdirectory("appRoot-").FullName);

    /// <summary>Adds a timer function.</summary>
    public TestAppRoot WithTimer(string name, string schedule) =>
        WithFunction(name, new { type = "timerTrigger", direction = "in", name = "timer", schedule });

    /// <summary>Adds a queue function on <paramref name="queueName"/> in <c>SyncStorage</c>.</summary>
    public TestAppRoot WithQueue(string name, string queueName) =>
        WithFunction(name, new { type = "queueTrigger", direction = "in", name = "message", queueName, connection = "SyncStorage" });

    /// <summary>Writes a <c>local.settings.json</c> with these values.</summary>
    public TestAppRoot WithLocalSettings(IReadOnlyDictionary<string, string> values)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return this;
    }

    private TestAppRoot WithFunction(string name, object trigger)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(Path, name)).FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "function.json"), JsonSerializer.Serialize(new { bindings = new[] { trigger } }));
        return this;
    }
}

using System.Text.Json;

namespace CowansSync.Functions.Tests.Infrastructure;

/// <summary>A throwaway content root for a test app, optionally with a <c>local.settings.json</c>.</summary>
public sealed class TestAppRoot
{
    private TestAppRoot(string path) => Path = path;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>An empty app root in a new temporary folder.</summary>
    public static TestAppRoot Create() => new(Directory.CreateTempSubdirectory("appRoot-").FullName);

    /// <summary>Writes a <c>local.settings.json</c> with these values.</summary>
    public TestAppRoot WithLocalSettings(IReadOnlyDictionary<string, string> values)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return this;
    }
}

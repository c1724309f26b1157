using System.Text.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace CowansSync.Functions.Settings;

/// <summary>
/// Reads <c>local.settings.json</c> (the Functions Core Tools format) in standalone mode, as Core Tools would:
/// its <c>Values</c> become settings, below environment variables so that those still override them.
/// </summary>
public static class LocalSettingsConfigurationExtensions
{
    /// <summary>The file's name.</summary>
    public const string FileName = "local.settings.json";

    /// <summary>Adds the <c>Values</c> of <c>local.settings.json</c> in <paramref name="folder"/>, when the file exists.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="folder">The folder to look in (the content root).</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="InvalidOperationException">The file is encrypted or malformed.</exception>
    public static IConfigurationManager AddLocalSettings(this IConfigurationManager configuration, string folder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return configuration;
        }

        var source = new MemoryConfigurationSource { InitialData = ReadValues(path) };

        // Environment variables without a prefix are the app-settings layer; slot the file in just below them.
        var environment = configuration.Sources
            .Select((candidate, index) => (candidate, index))
            .LastOrDefault(s => s.candidate is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.candidate is null)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(environment.index, source);
        }

        return configuration;
    }

    private static Dictionary<string, string?> ReadValues(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw new InvalidOperationException($"{path} is encrypted; decrypt it with 'func settings decrypt' or use environment variables.");
            }

            return root.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object
                ? values.EnumerateObject().ToDictionary(
                    value => value.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
                    value => value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText(),
                    StringComparer.OrdinalIgnoreCase)
                : [];
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {error.Message}", error);
        }
    }
}

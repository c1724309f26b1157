using System.Text.Json;
using CowansSync.Functions.Hosting.Scheduling;
using CowansSync.Functions.Settings;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// Reads the function definitions of a Functions app root (<c>&lt;Name&gt;/function.json</c>) the way the
/// Functions host does: the trigger is the <c>in</c> binding whose type ends in <c>Trigger</c>, and
/// <c>%Setting%</c> in a schedule or queue name is replaced by that setting's value.
/// </summary>
internal static class FunctionDefinitionReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="InvalidOperationException">A definition is malformed or names a setting that is missing.</exception>
    public static IReadOnlyList<FunctionDefinition> Read(string appRoot, IConfiguration configuration)
    {
        if (!Directory.Exists(appRoot))
        {
            throw new InvalidOperationException($"The Functions app root '{appRoot}' does not exist (setting Functions__AppRoot).");
        }

        return
        [
            .. Directory.EnumerateDirectories(appRoot)
                .Select(folder => Path.Combine(folder, "function.json"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .Select(path => ReadFile(path, configuration))
                .OfType<FunctionDefinition>(),
        ];
    }

    private static FunctionDefinition? ReadFile(string path, IConfiguration configuration)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(path))!;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Options);
            var root = document.RootElement;
            if (root.TryGetProperty("disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True)
            {
                return null;
            }

            var trigger = root.GetProperty("bindings").EnumerateArray()
                .Where(binding => Text(binding, "direction") == "in" && Text(binding, "type").EndsWith("Trigger", StringComparison.Ordinal))
                .Select(binding => ReadTrigger(binding, configuration))
                .ToList();
            return trigger.Count == 1
                ? new FunctionDefinition(name, trigger[0])
                : throw new FormatException($"it has {trigger.Count} trigger bindings; a function needs exactly one");
        }
        catch (Exception error) when (error is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The function definition '{path}' is invalid: {error.Message}", error);
        }
    }

    private static FunctionTrigger ReadTrigger(JsonElement binding, IConfiguration configuration)
    {
        var bindingName = Text(binding, "name");
        return Text(binding, "type") switch
        {
            "timerTrigger" => new TimerTrigger(bindingName, CronSchedule.Parse(Resolve(Text(binding, "schedule"), configuration))),
            "queueTrigger" => new QueueTrigger(bindingName, Resolve(Text(binding, "queueName"), configuration),
                binding.TryGetProperty("connection", out var connection) ? connection.GetString() ?? "AzureWebJobsStorage" : "AzureWebJobsStorage"),
            "httpTrigger" => new HttpTrigger(bindingName),
            var type => throw new FormatException($"trigger type '{type}' is not supported by this app"),
        };
    }

    /// <summary>
    /// Values for settings that definitions name and that need not be set in standalone mode. In Azure the Functions host
    /// resolves <c>%…%</c> itself from app settings, so a deployment sets them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultSettings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [$"{EtilizeOptions.Section}:{nameof(EtilizeOptions.PollSchedule)}"] = EtilizeOptions.DefaultPollSchedule,
    };

    // "%Etilize__PollSchedule%" or "%Etilize:PollSchedule%": the whole value names an app setting.
    private static string Resolve(string value, IConfiguration configuration)
    {
        if (value.Length < 2 || value[0] != '%' || value[^1] != '%')
        {
            return value;
        }

        var setting = value[1..^1];
        var key = setting.Replace("__", ":", StringComparison.Ordinal);
        var resolved = configuration[key] is { Length: > 0 } configured ? configured : DefaultSettings.GetValueOrDefault(key);
        return string.IsNullOrWhiteSpace(resolved)
            ? throw new FormatException($"it refers to the setting {setting.Replace(":", "__", StringComparison.Ordinal)}, which is not set")
            : resolved;
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"a binding has no '{property}'");
}

using System.Text.RegularExpressions;
using CowansSync.Functions.Settings;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// <c>%Setting%</c> references in trigger attributes (<c>[TimerTrigger("%Etilize__PollSchedule%")]</c>), resolved as the
/// Functions host resolves them: each reference is replaced by that app setting, <c>__</c> read as a section separator.
/// </summary>
internal static partial class TriggerSettings
{
    /// <summary>
    /// Values for settings that triggers name and that need not be set standalone. Under the Functions host, the
    /// deployment sets them: the host resolves references itself and fails a function whose setting is missing.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> StandaloneDefaults { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        [$"{EtilizeOptions.Section}:{nameof(EtilizeOptions.PollSchedule)}"] = EtilizeOptions.DefaultPollSchedule,
        [$"{Workflows.RunRetentionOptions.Section}:PurgeSchedule"] = Workflows.RunRetentionOptions.DefaultPurgeSchedule,
        [$"{Orchestrations.Pull.PullOptions.Section}:{nameof(Orchestrations.Pull.PullOptions.Schedule)}"] = Orchestrations.Pull.PullOptions.DefaultSchedule,
        [$"{Orchestrations.Inventory.InventoryOptions.Section}:{nameof(Orchestrations.Inventory.InventoryOptions.Schedule)}"] = Orchestrations.Inventory.InventoryOptions.DefaultSchedule,
        [$"{Schedules.ScheduleOptions.Section}:PollSchedule"] = Schedules.ScheduleOptions.DefaultPollSchedule,
    };

    /// <summary>Replaces every <c>%Setting%</c> in <paramref name="value"/>.</summary>
    /// <param name="value">An attribute's value, e.g. <c>%Etilize__PollSchedule%</c> or <c>work-%Environment%</c>.</param>
    /// <param name="configuration">The app's settings.</param>
    /// <returns>The value with its references replaced.</returns>
    /// <exception cref="FormatException">A referenced setting is not set; the message names it.</exception>
    public static string Resolve(string value, IConfiguration configuration) =>
        Reference().Replace(value, match =>
        {
            var setting = match.Groups[1].Value;
            return configuration[setting.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] is { Length: > 0 } resolved
                ? resolved
                : throw new FormatException($"it refers to the setting {setting.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal)}, which is not set");
        });

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}

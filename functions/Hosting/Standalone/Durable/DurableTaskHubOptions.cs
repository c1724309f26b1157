using System.Text.RegularExpressions;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>
/// The task hub standalone mode runs orchestrations on (settings <c>Durable__*</c>), in the <c>SyncStorage</c>
/// account. <c>host.json</c> names the Functions host's hub by the same setting (<c>%Durable__HubName%</c>, which
/// must then be set) in the same account, with the same limits and timings, so both modes share one hub.
/// </summary>
public sealed class DurableTaskHubOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Durable";

    /// <summary>
    /// The task hub's name: its queues, tables and lease container are named after it, so two apps (or two test runs)
    /// on one account keep apart by name. Letters and digits, 3–45 characters, starting with a letter.
    /// </summary>
    /// <value>The default value is <c>CowansSync</c>.</value>
    public string HubName { get; set; } = "CowansSync";

    /// <summary>How many control queues the hub has, i.e. how many instances can share the orchestrations (1–16). Fixed once the hub exists.</summary>
    /// <value>The default value is 1.</value>
    public int PartitionCount { get; set; } = 1;

    /// <summary>How many activities one instance runs at once.</summary>
    /// <value>The default value is 10.</value>
    public int MaxConcurrentActivities { get; set; } = 10;

    /// <summary>How many orchestration episodes one instance runs at once.</summary>
    /// <value>The default value is 10.</value>
    public int MaxConcurrentOrchestrations { get; set; } = 10;
}

/// <summary>Validates <see cref="DurableTaskHubOptions"/> at start, naming the setting that is wrong.</summary>
internal sealed partial class DurableTaskHubOptionsValidator : IValidateOptions<DurableTaskHubOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableTaskHubOptions options)
    {
        var checks = new SettingChecks(DurableTaskHubOptions.Section);
        checks.Check(options.HubName is not null && HubNamePattern().IsMatch(options.HubName), nameof(options.HubName),
            "must be 3 to 45 letters or digits, starting with a letter");
        checks.Check(options.PartitionCount is >= 1 and <= 16, nameof(options.PartitionCount), "must be between 1 and 16");
        checks.Check(options.MaxConcurrentActivities >= 1, nameof(options.MaxConcurrentActivities), "must be at least 1");
        checks.Check(options.MaxConcurrentOrchestrations >= 1, nameof(options.MaxConcurrentOrchestrations), "must be at least 1");
        return checks.Result;
    }

    // The Azure Storage provider's rule: queue, table and container names are derived from it.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}

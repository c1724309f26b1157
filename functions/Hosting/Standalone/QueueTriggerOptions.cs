using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// How standalone mode polls queues (settings <c>Queues__*</c>). The defaults equal <c>host.json</c>'s
/// <c>extensions.queues</c>, so both hosting modes retry and poison alike.
/// </summary>
public sealed class QueueTriggerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Queues";

    /// <summary>How many messages one receive fetches and runs in parallel (1–32).</summary>
    /// <value>The default value is 16.</value>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// How few messages may still be running when the next batch is fetched, so that up to
    /// <see cref="BatchSize"/> + this many run at once.
    /// </summary>
    /// <value>The default value, <see langword="null"/>, means half of <see cref="BatchSize"/>, the host's default.</value>
    public int? NewBatchThreshold { get; set; }

    /// <summary>How many deliveries a message gets before it is moved to <c>&lt;queue&gt;-poison</c>.</summary>
    /// <value>The default value is 5.</value>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays invisible before its next delivery (the retry delay).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between polls of an idle queue; polling backs off exponentially up to it.</summary>
    /// <value>The default value is 1 minute.</value>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a received message stays invisible, renewed at half time while its handler runs; after a crash, how
    /// long until another instance gets it.
    /// </summary>
    /// <value>The default value is 10 minutes, the Functions queue trigger's.</value>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Validates <see cref="QueueTriggerOptions"/> at start.</summary>
internal sealed class QueueTriggerOptionsValidator : IValidateOptions<QueueTriggerOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueTriggerOptions options)
    {
        var checks = new Settings.SettingChecks(QueueTriggerOptions.Section);
        checks.Check(options.BatchSize is >= 1 and <= 32, nameof(options.BatchSize), "must be between 1 and 32");
        checks.Check(options.NewBatchThreshold is null or >= 0, nameof(options.NewBatchThreshold), "must be 0 or more");
        checks.Check(options.MaxDequeueCount >= 1, nameof(options.MaxDequeueCount), "must be at least 1");
        checks.Check(options.VisibilityTimeout >= TimeSpan.Zero && options.VisibilityTimeout <= TimeSpan.FromDays(7),
            nameof(options.VisibilityTimeout), "must be between 00:00:00 and 7.00:00:00");
        checks.Check(options.MaxPollingInterval >= TimeSpan.FromMilliseconds(100), nameof(options.MaxPollingInterval), "must be at least 00:00:00.1");
        checks.Check(options.MessageLease >= TimeSpan.FromSeconds(2) && options.MessageLease <= TimeSpan.FromDays(7),
            nameof(options.MessageLease), "must be between 00:00:02 and 7.00:00:00");
        return checks.Result;
    }
}

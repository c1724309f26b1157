using CowansSync.Functions.Hosting.Scheduling;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Settings;

/// <summary>The Etilize FTP feed (settings <c>Etilize__*</c>). Optional as a whole; see <see cref="IntegrationSection"/>.</summary>
public sealed class EtilizeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Etilize";

    /// <summary>Every 15 minutes: the poll's schedule when <c>Etilize__PollSchedule</c> is not set.</summary>
    public const string DefaultPollSchedule = "0 */15 * * * *";

    /// <summary>The FTP server's host name; required when Etilize is configured.</summary>
    public string? Host { get; set; }

    /// <summary>The FTP port.</summary>
    /// <value>The default value is 21.</value>
    public int Port { get; set; } = 21;

    /// <summary>The FTP user; required when Etilize is configured.</summary>
    public string? User { get; set; }

    /// <summary>The FTP password (a secret); required when Etilize is configured.</summary>
    public string? Password { get; set; }

    /// <summary>The folder holding the feed's ZIP files.</summary>
    /// <value>The default value is <c>/</c>.</value>
    public string Directory { get; set; } = "/";

    /// <summary>Which file names are feed files (<c>*</c> and <c>?</c> wildcards, no folders).</summary>
    /// <value>The default value is <c>*.zip</c>.</value>
    public string FilePattern { get; set; } = "*.zip";

    /// <summary>Whether to use explicit FTP over TLS.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool UseTls { get; set; }

    /// <summary>
    /// Which Enhanced Content SKU sources (the <c>productskus</c> files' second column) give the retailer's SKU, first
    /// preferred (settings <c>Etilize__SkuSources__0</c>, <c>__1</c>, …). A product with none of them is known by its
    /// manufacturer and part number, else its UPC.
    /// </summary>
    /// <value>Empty unless set: then <see cref="DefaultSkuSources"/>.</value>
    public IList<string> SkuSources { get; } = [];

    /// <summary>The retailer's own name, then its distributor: the SKU sources used when <see cref="SkuSources"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultSkuSources { get; } = ["Cowans Office Supplies", "SP Richards"];

    /// <summary>When to look for a new feed file (NCRONTAB, six fields, UTC).</summary>
    /// <value>The default value is <c>0 */15 * * * *</c> (every 15 minutes).</value>
    public string PollSchedule { get; set; } = DefaultPollSchedule;
}

/// <summary>Validates <see cref="EtilizeOptions"/> at start.</summary>
internal sealed class EtilizeOptionsValidator(IConfiguration configuration) : IValidateOptions<EtilizeOptions>
{
    public ValidateOptionsResult Validate(string? name, EtilizeOptions options)
    {
        var checks = new SettingChecks(EtilizeOptions.Section);
        if (IntegrationSection.IsConfigured(configuration, EtilizeOptions.Section, nameof(EtilizeOptions.PollSchedule)))
        {
            const string When = "any Etilize__* setting is set";
            checks.Required(options.Host, nameof(options.Host), When);
            checks.Required(options.User, nameof(options.User), When);
            checks.Required(options.Password, nameof(options.Password), When);
        }

        checks.Check(options.Port is > 0 and <= 65535, nameof(options.Port), "must be between 1 and 65535");
        checks.Check(!string.IsNullOrWhiteSpace(options.FilePattern) && options.FilePattern.IndexOfAny(['/', '\\']) < 0,
            nameof(options.FilePattern), "must be a file name pattern without folders, e.g. *.zip");
        try
        {
            CronSchedule.Parse(options.PollSchedule);
        }
        catch (FormatException error)
        {
            checks.Fail(nameof(options.PollSchedule), $"is not a valid schedule: {error.Message}");
        }

        return checks.Result;
    }
}

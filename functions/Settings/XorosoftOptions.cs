using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Settings;

/// <summary>The Xorosoft (XoroERP) REST API (settings <c>Xorosoft__*</c>). Optional as a whole; see <see cref="IntegrationSection"/>.</summary>
public sealed class XorosoftOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Xorosoft";

    /// <summary>The API's base URL; required when Xorosoft is configured.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The API key (Basic auth user); required when Xorosoft is configured.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API secret (Basic auth password, a secret); required when Xorosoft is configured.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>How old the local item mirror may get before a validation syncs it again.</summary>
    /// <value>The default value is one day.</value>
    public TimeSpan MirrorMaxAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A row the mirror does not know is looked up in the live API only once the mirror's last sync is at least this
    /// old: a fresher mirror has every item, so its misses are unknown items, not new ones.
    /// </summary>
    /// <value>The default value is one hour; zero looks every miss up.</value>
    public TimeSpan LiveLookupAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The store whose available quantity is the stock Shopify mirrors.</summary>
    /// <value>The default value is <c>MAIN</c>.</value>
    public string StockStore { get; set; } = "MAIN";
}

/// <summary>Validates <see cref="XorosoftOptions"/> at start.</summary>
internal sealed class XorosoftOptionsValidator(IConfiguration configuration) : IValidateOptions<XorosoftOptions>
{
    public ValidateOptionsResult Validate(string? name, XorosoftOptions options)
    {
        var checks = new SettingChecks(XorosoftOptions.Section);
        if (IntegrationSection.IsConfigured(configuration, XorosoftOptions.Section))
        {
            const string When = "any Xorosoft__* setting is set";
            checks.Required(options.BaseUrl, nameof(options.BaseUrl), When);
            checks.Required(options.ApiKey, nameof(options.ApiKey), When);
            checks.Required(options.ApiSecret, nameof(options.ApiSecret), When);
        }

        checks.HttpUrl(options.BaseUrl, nameof(options.BaseUrl));
        checks.Check(options.MirrorMaxAge > TimeSpan.Zero, nameof(options.MirrorMaxAge), "must be a positive duration, e.g. 1.00:00:00");
        checks.Check(options.LiveLookupAfter >= TimeSpan.Zero, nameof(options.LiveLookupAfter), "must be zero or a positive duration, e.g. 01:00:00");
        checks.Check(!string.IsNullOrWhiteSpace(options.StockStore), nameof(options.StockStore), "must name a Xorosoft store, e.g. MAIN");
        return checks.Result;
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Settings;

/// <summary>The Shopify Admin API (settings <c>Shopify__*</c>). Optional as a whole; see <see cref="IntegrationSection"/>.</summary>
public sealed partial class ShopifyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Shopify";

    /// <summary>The shop's domain, e.g. <c>cowans.myshopify.com</c>; required when Shopify is configured.</summary>
    public string? ShopDomain { get; set; }

    /// <summary>Overrides the scheme and host of Admin API calls (the sandbox simulator); optional.</summary>
    public string? AdminBaseUrl { get; set; }

    /// <summary>The pinned Admin API version.</summary>
    /// <value>The default value is <c>2026-10</c>.</value>
    public string ApiVersion { get; set; } = "2026-10";

    /// <summary>The Admin API access token (a secret); required when Shopify is configured without <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The app's client id; with <see cref="ClientSecret"/> and no <see cref="AccessToken"/>, tokens come from the client-credentials grant.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's client secret (a secret); optional.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The secret webhook HMACs are checked with (a secret); optional until webhooks are used.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The inventory location, numeric or <c>gid://shopify/Location/…</c>; optional.</summary>
    public string? LocationId { get; set; }

    [GeneratedRegex(@"^(\d{4}-(0[1-9]|1[0-2])|unstable)$")]
    internal static partial Regex ApiVersionFormat();

    [GeneratedRegex(@"^(\d+|gid://shopify/Location/\d+)$")]
    internal static partial Regex LocationIdFormat();
}

/// <summary>Validates <see cref="ShopifyOptions"/> at start.</summary>
internal sealed class ShopifyOptionsValidator(IConfiguration configuration) : IValidateOptions<ShopifyOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopifyOptions options)
    {
        var checks = new SettingChecks(ShopifyOptions.Section);
        if (IntegrationSection.IsConfigured(configuration, ShopifyOptions.Section))
        {
            const string When = "any Shopify__* setting is set";
            checks.Required(options.ShopDomain, nameof(options.ShopDomain), When);
            // The client-credentials grant (ClientId + ClientSecret) stands in for a permanent token.
            if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
            {
                checks.Required(options.AccessToken, nameof(options.AccessToken), When + " without ClientId and ClientSecret");
            }
        }

        checks.Check(string.IsNullOrEmpty(options.ShopDomain) || Uri.CheckHostName(options.ShopDomain) == UriHostNameType.Dns,
            nameof(options.ShopDomain), "must be a host name such as cowans.myshopify.com, without scheme or path");
        checks.HttpUrl(options.AdminBaseUrl, nameof(options.AdminBaseUrl));
        checks.Check(ShopifyOptions.ApiVersionFormat().IsMatch(options.ApiVersion ?? string.Empty), nameof(options.ApiVersion),
            "must be a version such as 2026-10");
        checks.Check(string.IsNullOrEmpty(options.LocationId) || ShopifyOptions.LocationIdFormat().IsMatch(options.LocationId),
            nameof(options.LocationId), "must be a number or gid://shopify/Location/<number>");
        return checks.Result;
    }
}

using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Settings;

/// <summary>
/// Collects what is wrong with one settings section, naming each setting the way it is set in app settings and
/// environment variables (<c>Shopify__ShopDomain</c>). Never echoes a value: some are secrets.
/// </summary>
internal sealed class SettingChecks(string section)
{
    private readonly List<string> _failures = [];

    /// <summary>The result for <c>IValidateOptions</c>.</summary>
    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    /// <summary>The app-setting name of a property of this section.</summary>
    public string Name(string property) => $"{section}__{property}";

    public void Required(string? value, string property, string? when = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(property, $"is required{(when is null ? string.Empty : $" when {when}")}");
        }
    }

    /// <summary>An absolute http(s) URL, when set.</summary>
    public void HttpUrl(string? value, string property)
    {
        if (!string.IsNullOrEmpty(value)
            && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            Fail(property, "must be an absolute http or https URL");
        }
    }

    public void Check(bool valid, string property, string reason)
    {
        if (!valid)
        {
            Fail(property, reason);
        }
    }

    public void Fail(string property, string reason) => _failures.Add($"The setting {Name(property)} {reason}.");
}

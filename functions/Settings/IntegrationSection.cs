
namespace CowansSync.Functions.Settings;

/// <summary>
/// An integration (Etilize, Xorosoft, Shopify) is configured as a whole or not at all: the app starts without
/// one (e.g. before the sandbox exists), but once any of its settings is set, its required settings must be too.
/// </summary>
internal static class IntegrationSection
{
    /// <summary>Whether any setting of <paramref name="section"/> has a non-empty value.</summary>
    public static bool IsConfigured(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetChildren().Any(setting => !string.IsNullOrEmpty(setting.Value));
}

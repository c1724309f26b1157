namespace CowansSync.Functions.Settings;

/// <summary>
/// An integration (Etilize, Xorosoft, Shopify) is configured as a whole or not at all: the app starts without
/// one (e.g. before the sandbox exists), but once any of its settings is set, its required settings must be too.
/// </summary>
internal static class IntegrationSection
{
    /// <summary>Whether any setting of <paramref name="section"/> but <paramref name="notConnection"/> has a non-empty value.</summary>
    /// <param name="configuration">The app's settings.</param>
    /// <param name="section">The integration's section.</param>
    /// <param name="notConnection">
    /// Settings that say nothing about reaching the system, such as a timer's schedule, which standalone mode defaults.
    /// </param>
    public static bool IsConfigured(IConfiguration configuration, string section, params string[] notConnection) =>
        configuration.GetSection(section).GetChildren()
            .Any(setting => !string.IsNullOrEmpty(setting.Value) && !notConnection.Contains(setting.Key, StringComparer.OrdinalIgnoreCase));
}

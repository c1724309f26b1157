using CowansSync.Functions.Auth;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Binds every settings section and validates it at start, so a missing or malformed setting stops the app with its name.</summary>
public static class SettingsExtensions
{

    /// <summary>Registers the options and their validators.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddSyncSettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SyncStorageOptions>().BindConfiguration(SyncStorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration[SyncStorageOptions.Section])
            .ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddOptions<EtilizeOptions>().BindConfiguration(EtilizeOptions.Section).ValidateOnStart();
        services.AddOptions<XorosoftOptions>().BindConfiguration(XorosoftOptions.Section).ValidateOnStart();
        services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section).ValidateOnStart();
        services.AddOptions<QueueTriggerOptions>().BindConfiguration(QueueTriggerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncStorageOptions>, SyncStorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<EtilizeOptions>, EtilizeOptionsValidator>();
        services.AddSingleton<IValidateOptions<XorosoftOptions>, XorosoftOptionsValidator>();
        services.AddSingleton<IValidateOptions<ShopifyOptions>, ShopifyOptionsValidator>();
        services.AddSingleton<IValidateOptions<QueueTriggerOptions>, QueueTriggerOptionsValidator>();
        return builder;
    }
}

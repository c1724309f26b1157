using CowansSync.Functions.Auth;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Binds every settings section and validates it at start, so a missing or malformed setting stops the app with its name.</summary>
public static class SettingsExtensions
{
    /// <summary>The settings that have a default, by configuration key.</summary>
    public static IReadOnlyDictionary<string, string?> DefaultSettings { get; } = new Dictionary<string, string?>
    {
        [$"{EtilizeOptions.Section}:{nameof(EtilizeOptions.PollSchedule)}"] = EtilizeOptions.DefaultPollSchedule,
    };

    /// <summary>Registers the options and their validators.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddSyncSettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Below every other source: function.json files name settings (%Etilize__PollSchedule%) that need a value
        // even when nobody set one. In Azure the Functions host resolves them from app settings, so deploy sets them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = DefaultSettings });
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

using CowansSync.Functions.Hosting;
using CowansSync.Functions.Hosting.Standalone;
using CowansSync.Functions.Hosting.Standalone.Durable;
using CowansSync.Functions.Settings;
using Microsoft.Extensions.Configuration.Memory;

namespace CowansSync.Functions.Extensions;

/// <summary>What the app needs to run its functions itself when no Functions host launched it.</summary>
public static class StandaloneHostExtensions
{
    /// <summary>
    /// Reads <c>local.settings.json</c> (as Core Tools would) and defaults for the settings triggers name, logs JSON lines,
    /// and runs the timer and queue functions (<see cref="FunctionTriggers"/>) on their triggers.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddStandaloneHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);

        // Below every other source: a default only fills in a setting nobody set.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = TriggerSettings.StandaloneDefaults });
        builder.AddJsonLogging();

        var services = builder.Services;
        services.AddSingleton<FunctionRunner>();
        services.AddSingleton<TimerLocks>();
        services.AddSingleton<QueueDeliveries>();
        services.AddHostedService<TimerTriggerService>();
        services.AddHostedService<QueueTriggerService>();
        services.AddStandaloneDurableTask();
        return builder;
    }
}

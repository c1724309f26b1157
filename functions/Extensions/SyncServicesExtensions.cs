using CowansSync.Functions.Hosting;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CowansSync.Functions.Extensions;

/// <summary>The app's services, the same under the Functions host and standalone.</summary>
public static class SyncServicesExtensions
{
    /// <summary>
    /// Registers settings, storage, the features' services and what health reads about the functions (their triggers,
    /// the timers' last runs, the hosting mode).
    /// </summary>
    /// <param name="builder">The app builder: a <c>FunctionsApplicationBuilder</c> or a <c>WebApplicationBuilder</c>.</param>
    /// <param name="mode">Who runs the functions.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddSyncServices(this IHostApplicationBuilder builder, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(mode);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => FunctionMethods.FromAssembly(typeof(Program).Assembly));
        services.AddSingleton(provider => FunctionTriggers.Resolve(
            provider.GetRequiredService<FunctionMethods>(), provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TimerRunLog>();
        builder.AddSyncSettings();
        builder.AddSyncStorage();
        builder.AddStaging();
        builder.AddProducts();
        builder.AddApiConventions();
        builder.AddApiAuth();
        builder.AddWorkflows();
        builder.AddEtilizeReader();
        builder.AddEtilizeFtp();
        builder.AddXorosoft();
        builder.AddShopify();
        builder.AddImportWorkflow();
        builder.AddPushWorkflow();
        builder.AddPullWorkflow();
        builder.AddInventoryWorkflow();
        builder.AddSchedules();
        return builder;
    }
}

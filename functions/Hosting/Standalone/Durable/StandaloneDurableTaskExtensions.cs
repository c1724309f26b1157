using CowansSync.Functions.Settings;
using DurableTask.AzureStorage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>Standalone mode's Durable Functions: the task hub, its worker and the <see cref="DurableTaskClient"/>.</summary>
internal static class StandaloneDurableTaskExtensions
{
    /// <summary>
    /// Runs the app's orchestrator and activity functions (the registered <see cref="FunctionMethods"/>) on the task hub of
    /// <see cref="DurableTaskHubOptions"/> (settings <c>Durable__*</c>, validated at start) in the <c>SyncStorage</c>
    /// account, and registers the hub's <see cref="DurableTaskClient"/> (what <c>[DurableClient]</c> binds).
    /// </summary>
    /// <param name="services">The app's services; <see cref="SyncStorageOptions"/> must be registered.</param>
    /// <returns>The services.</returns>
    /// <remarks>
    /// Payloads are System.Text.Json (<see cref="JsonDataConverter.Default"/>, as the Functions worker's default);
    /// register another <see cref="DataConverter"/> before this call to change it. DTFx logs every work item at
    /// Information: its categories are raised to Warning, as the Durable Functions docs advise.
    /// </remarks>
    public static IServiceCollection AddStandaloneDurableTask(this IServiceCollection services)
    {
        services.AddOptions<DurableTaskHubOptions>().BindConfiguration(DurableTaskHubOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DurableTaskHubOptions>, DurableTaskHubOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DataConverter>(JsonDataConverter.Default);
        services.AddSingleton(provider => new AzureStorageOrchestrationService(TaskHubSettings.Create(
            provider.GetRequiredService<IOptions<DurableTaskHubOptions>>().Value,
            provider.GetRequiredService<IOptions<SyncStorageOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<TaskHubDurableClient>();
        services.AddSingleton<DurableTaskClient>(provider => provider.GetRequiredService<TaskHubDurableClient>());
        services.AddHostedService<DurableTaskHubWorker>();
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter("DurableTask", LogLevel.Warning));
        return services;
    }
}

using CowansSync.Functions.Etilize;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace CowansSync.Functions.Extensions;

/// <summary>
/// Registers the Xorosoft client, mirror and <see cref="IXorosoftCatalog"/>, and the Etilize FTP adapter. Both
/// integrations are optional: nothing reads their settings until first resolved, so an app without them starts.
/// </summary>
public static class XorosoftEtilizeExtensions
{
    /// <summary>Registers <see cref="XorosoftClient"/> (one per process: its three request slots are the app's), <see cref="XorosoftMirror"/> and <see cref="IXorosoftCatalog"/>.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddXorosoft(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(XorosoftResilience.PipelineName, (provider, _) => XorosoftResilience.Create(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new XorosoftClient(
            // Long-lived, so connections are recycled to follow DNS changes; the pipeline times attempts out.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) },
            provider.GetRequiredService<IOptions<XorosoftOptions>>().Value,
            provider.GetRequiredKeyedService<ResiliencePipeline>(XorosoftResilience.PipelineName),
            provider.GetRequiredService<ILogger<XorosoftClient>>()));
        services.AddSingleton(provider => new XorosoftMirror(
            provider.GetRequiredService<XorosoftClient>(),
            provider.GetRequiredService<StorageClients>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<XorosoftMirror>>(),
            provider.GetRequiredService<IOptions<XorosoftOptions>>().Value.StockStore));
        services.AddSingleton<XorosoftCatalog>();
        services.AddSingleton<IXorosoftCatalog>(provider => provider.GetRequiredService<XorosoftCatalog>());
        return builder;
    }

    /// <summary>Registers <see cref="EtilizeFtpClient"/>, <see cref="EtilizeDropStore"/> and <see cref="EtilizeDropFetcher"/>.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddEtilizeFtp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(EtilizeFtpResilience.PipelineName, (provider, _) => EtilizeFtpResilience.Create(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new EtilizeFtpClient(
            provider.GetRequiredService<IOptions<EtilizeOptions>>().Value,
            provider.GetRequiredKeyedService<ResiliencePipeline>(EtilizeFtpResilience.PipelineName)));
        services.AddSingleton(provider => new EtilizeDropStore(provider.GetRequiredService<StorageClients>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new EtilizeDropFetcher(
            provider.GetRequiredService<EtilizeFtpClient>(),
            provider.GetRequiredService<EtilizeDropStore>(),
            provider.GetRequiredService<StorageClients>(),
            new EtilizeFilePattern(provider.GetRequiredService<IOptions<EtilizeOptions>>().Value.FilePattern),
            provider.GetRequiredService<ILogger<EtilizeDropFetcher>>()));
        return builder;
    }
}

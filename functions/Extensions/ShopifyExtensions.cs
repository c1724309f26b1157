using CowansSync.Functions.Settings;
using CowansSync.Functions.Shopify;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Registers the Shopify Admin API client and the store catalog over it.</summary>
public static class ShopifyExtensions
{
    /// <summary>
    /// Registers one <see cref="ShopifyGraphQLClient"/> (shared, so its cost bucket and counters cover the whole app),
    /// <see cref="ShopifyCatalog"/>, <see cref="IShopifyCatalog"/>, <see cref="ShopifyBulkExport"/>, <see cref="ShopifyBulkMutation"/>,
    /// <see cref="IShopifyPush"/> (over <see cref="ShopifyPush"/>) and
    /// <see cref="IStoreSnapshots"/> (over <see cref="ShopifyStoreSnapshots"/>; it needs the storage clients of <c>AddSyncStorage</c>). Nothing is contacted at start: without
    /// <c>Shopify__*</c> settings the app starts, and calls fail with a <see cref="ShopifyGraphQLException"/> naming the settings.
    /// </summary>
    /// <param name="builder">The app builder (a <c>WebApplicationBuilder</c>).</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddShopify(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ShopifyGraphQLClient(
            // One long-lived client; the handler recycles connections so DNS changes are seen.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            provider.GetRequiredService<IOptions<ShopifyOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ShopifyGraphQLClient>>()));
        services.AddSingleton<ShopifyCatalog>();
        services.AddSingleton<IShopifyCatalog>(provider => provider.GetRequiredService<ShopifyCatalog>());
        services.AddSingleton(provider => new ShopifyBulkExport(
            provider.GetRequiredService<ShopifyGraphQLClient>(),
            // Result files come from signed URLs (no token); the timeout covers the response headers, not the streamed body.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) },
            provider.GetRequiredService<ILogger<ShopifyBulkExport>>()));
        services.AddSingleton(provider => new ShopifyBulkMutation(
            provider.GetRequiredService<ShopifyGraphQLClient>(),
            provider.GetRequiredService<ShopifyBulkExport>(),
            // Staged uploads and result files are signed URLs (no token); the timeout covers one transfer.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) },
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ShopifyBulkMutation>>()));
        services.AddSingleton<IShopifyPush>(provider => new ShopifyPush(
            provider.GetRequiredService<ShopifyGraphQLClient>(),
            provider.GetRequiredService<ShopifyCatalog>(),
            ShopifyBulkExport.WithCollections(
                provider.GetRequiredService<ShopifyGraphQLClient>(),
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) },
                provider.GetRequiredService<ILogger<ShopifyBulkExport>>()),
            provider.GetRequiredService<ShopifyBulkMutation>()));
        services.AddSingleton<ShopifyStoreSnapshots>();
        services.AddSingleton<IStoreSnapshots>(provider => provider.GetRequiredService<ShopifyStoreSnapshots>());
        return builder;
    }
}

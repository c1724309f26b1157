using CowansSync.Functions.Extensions;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Shopify;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CowansSync.Functions.Tests.Shopify;

public sealed class ShopifyExtensionsTests
{
    [Fact]
    public async Task AddShopify_NoShopifySettings_StartsAndCallsNameTheMissingSettings()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section).ValidateOnStart();
        builder.AddShopify();
        using var host = builder.Build();
        await host.StartAsync();

        // Act
        var catalog = host.Services.GetRequiredService<IShopifyCatalog>();
        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => catalog.FindAsync(["COS-1"], [], CancellationToken.None));

        var exportError = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => host.Services.GetRequiredService<ShopifyBulkExport>().StartAsync(CancellationToken.None));

        // Assert
        Assert.Same(host.Services.GetRequiredService<ShopifyCatalog>(), catalog);
        Assert.Contains("Shopify__ShopDomain", error.Message, StringComparison.Ordinal);
        Assert.Contains("Shopify__ShopDomain", exportError.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public void AddShopify_WithStorageClients_ResolvesStoreSnapshotsAsShopifyStoreSnapshots()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section);
        builder.Services.AddSingleton(StorageClients.FromConnectionString("UseDevelopmentStorage=true"));

        // Act
        builder.AddShopify();
        using var host = builder.Build();

        // Assert
        var snapshots = host.Services.GetRequiredService<IStoreSnapshots>();
        Assert.Same(host.Services.GetRequiredService<ShopifyStoreSnapshots>(), snapshots);
    }

    [Fact]
    public async Task AddShopify_NoShopifySettings_ResolvesThePushWhoseCallsNameTheMissingSettings()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section);
        builder.AddShopify();
        using var host = builder.Build();

        // Act
        var push = host.Services.GetRequiredService<IShopifyPush>();
        var error = await Assert.ThrowsAsync<ShopifyGraphQLException>(() => push.ReadAsync(["gid://shopify/Product/1"], ["price"], CancellationToken.None));

        // Assert
        Assert.IsType<ShopifyPush>(push);
        Assert.Contains("Shopify__ShopDomain", error.Message, StringComparison.Ordinal);
    }
}

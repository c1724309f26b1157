using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Registers the app's storage account (<c>SyncStorage</c>) and its clients.</summary>
public static class StorageExtensions
{
    /// <summary>Registers one <see cref="StorageAccount"/> and the <see cref="StorageClients"/> over it.</summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddSyncStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<SyncStorageOptions>>().Value.CreateAccount());
        // Storage signs requests with the real clock (x-ms-date) even when the app's TimeProvider is a test fake.
        builder.Services.AddSingleton(new StorageClientOptions());
        builder.Services.AddSingleton<StorageClients>();
        return builder;
    }
}

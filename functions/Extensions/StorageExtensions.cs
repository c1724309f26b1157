using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Extensions;

/// <summary>Registers the app's storage account (<c>SyncStorage</c>): the Azure SDK's service clients and <see cref="StorageClients"/> over them.</summary>
public static class StorageExtensions
{
    /// <summary>
    /// Registers <see cref="TableServiceClient"/>, <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/>
    /// through the Azure SDK's client factory (its logging and naming conventions), built from the validated
    /// <see cref="SyncStorageOptions"/>, and one <see cref="StorageClients"/>.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddSyncStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAzureClients(clients =>
        {
            // The settings build each client with its pinned options (SyncStorageOptions' remarks), so the factory's are unused.
            clients.AddClient<TableServiceClient, TableClientOptions>((_, services) => Settings(services).CreateTableServiceClient());
            clients.AddClient<BlobServiceClient, BlobClientOptions>((_, services) => Settings(services).CreateBlobServiceClient());
            clients.AddClient<QueueServiceClient, QueueClientOptions>((_, services) => Settings(services).CreateQueueServiceClient());
        });
        builder.Services.AddSingleton<StorageClients>();
        return builder;
    }

    private static SyncStorageOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<SyncStorageOptions>>().Value;
}

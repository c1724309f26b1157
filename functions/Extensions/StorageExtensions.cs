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
    /// through the Azure SDK's client factory (its naming conventions, and its logs from errors up), built from the validated
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

        // The factory forwards the SDK's event-source logs: two lines per storage request at Information (which slowed a
        // 10,000-change push to a crawl and would flood Application Insights), and a warning for every expected 404 of an
        // if-exists read. A request that really fails reaches the app as an exception, which it logs.
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        return builder;
    }

    private static SyncStorageOptions Settings(IServiceProvider services) => services.GetRequiredService<IOptions<SyncStorageOptions>>().Value;
}

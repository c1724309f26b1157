using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CowansSync.Functions.Settings;
using DurableTask.AzureStorage;

namespace CowansSync.Functions.Hosting.Standalone.Durable;

/// <summary>Builds the Azure Storage provider's settings for the app's task hub from <c>Durable__*</c> and <c>SyncStorage</c>.</summary>
internal static class TaskHubSettings
{
    /// <summary>The settings.</summary>
    /// <param name="hub">The hub's options.</param>
    /// <param name="storage">The storage account, as the rest of the app reaches it.</param>
    /// <param name="loggerFactory">For the provider's logs.</param>
    /// <returns>The provider's settings.</returns>
    /// <remarks>
    /// The timings trade a little polling for recovery: the provider's defaults keep a crashed instance's messages
    /// invisible for 5 minutes and its partitions leased for 30 seconds; here another instance takes over within
    /// about 15 seconds (the visibility timeouts), and an idle hub is polled every second at most.
    /// </remarks>
    public static AzureStorageOrchestrationServiceSettings Create(DurableTaskHubOptions hub, SyncStorageOptions storage, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = ClientProvider(storage),
        TaskHubName = hub.HubName,
        PartitionCount = hub.PartitionCount,
        MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = hub.MaxConcurrentOrchestrations,
        LeaseInterval = TimeSpan.FromSeconds(6),
        LeaseRenewInterval = TimeSpan.FromSeconds(2),
        LeaseAcquireInterval = TimeSpan.FromSeconds(2),
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(15),
        ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(15),
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),

        // Unique per process (the provider's default is the machine name): two instances on one machine, or a restart
        // before the old lease lapsed, must not take each other for a partition's owner.
        WorkerId = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"),

        // Starting an instance whose id is still pending, running or suspended fails rather than being silently skipped.
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = loggerFactory,
    };

    // Blob and Queue pinned to the service version every Azurite here accepts (SyncStorageOptions' remarks).
    private static StorageAccountClientProvider ClientProvider(SyncStorageOptions storage)
    {
        var blobOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        var queueOptions = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05);
        var tableOptions = new TableClientOptions();
        if (!storage.UsesIdentity)
        {
            var connectionString = storage.RequiredConnectionString();
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, blobOptions),
                StorageServiceClientProvider.ForQueue(connectionString, queueOptions),
                StorageServiceClientProvider.ForTable(connectionString, tableOptions));
        }

        var credential = storage.Credential();
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(storage.BlobEndpoint(), credential, blobOptions),
            StorageServiceClientProvider.ForQueue(storage.QueueEndpoint(), credential, queueOptions),
            StorageServiceClientProvider.ForTable(storage.TableEndpoint(), credential, tableOptions));
    }
}

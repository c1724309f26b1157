using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CowansSync.Functions.Settings;

namespace CowansSync.Functions.Storage;

/// <summary>
/// The Azure SDK clients of the app's storage account (<c>SyncStorage</c>): one per table, queue and container,
/// shared by the whole app (the SDK's clients are thread-safe and meant to be reused). The <c>…Async</c> getters also
/// create the resource on first use, once per process, so the app needs no deployment step and starts even while
/// storage is briefly unreachable.
/// </summary>
/// <param name="tables">The Table service.</param>
/// <param name="blobs">The Blob service.</param>
/// <param name="queues">The Queue service, with base64 messages as the Functions queue trigger expects.</param>
public sealed class StorageClients(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
{
    private const string PoisonSuffix = "-poison";

    private readonly ConcurrentDictionary<string, object> _clients = new();
    private readonly ConcurrentDictionary<string, Task> _created = new();

    /// <summary>Clients for the account a connection string names, with the app's client options (tests, benchmarks, tools).</summary>
    /// <param name="connectionString">A storage connection string, e.g. <c>UseDevelopmentStorage=true</c>.</param>
    /// <returns>The clients.</returns>
    public static StorageClients FromConnectionString(string connectionString)
    {
        var settings = new SyncStorageOptions { ConnectionString = connectionString };
        return new StorageClients(settings.CreateTableServiceClient(), settings.CreateBlobServiceClient(), settings.CreateQueueServiceClient());
    }

    /// <summary>
    /// The block size of streamed uploads (<c>OpenWriteAsync</c>, e.g. Etilize drops): an upload of any size holds
    /// one block in memory, never the whole stream.
    /// </summary>
    public const int UploadBlockBytes = 8 * 1024 * 1024;

    /// <summary>The queue a message goes to when it cannot be processed: <c>{queue}-poison</c>, as the Functions queue trigger names it.</summary>
    /// <param name="queueName">The queue.</param>
    /// <returns>Its poison queue's name.</returns>
    public static string PoisonQueueName(string queueName) => queueName + PoisonSuffix;

    /// <summary>Whether <paramref name="queueName"/> is some queue's poison queue.</summary>
    /// <param name="queueName">The queue.</param>
    /// <returns><see langword="true"/> for <c>…-poison</c>.</returns>
    public static bool IsPoisonQueue(string queueName) => queueName.EndsWith(PoisonSuffix, StringComparison.Ordinal);

    /// <summary>A table client, without creating the table.</summary>
    /// <param name="tableName">The table.</param>
    /// <returns>The client.</returns>
    public TableClient GetTableClient(string tableName) =>
        (TableClient)_clients.GetOrAdd($"table:{tableName}", _ => tables.GetTableClient(tableName));

    /// <summary>A queue client, without creating the queue.</summary>
    /// <param name="queueName">The queue.</param>
    /// <returns>The client.</returns>
    public QueueClient GetQueueClient(string queueName) =>
        (QueueClient)_clients.GetOrAdd($"queue:{queueName}", _ => queues.GetQueueClient(queueName));

    /// <summary>A container client, without creating the container.</summary>
    /// <param name="containerName">The container.</param>
    /// <returns>The client.</returns>
    public BlobContainerClient GetBlobContainerClient(string containerName) =>
        (BlobContainerClient)_clients.GetOrAdd($"container:{containerName}", _ => blobs.GetBlobContainerClient(containerName));

    /// <summary>A table client; the table exists once the task completes.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The client.</returns>
    public Task<TableClient> GetTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        EnsureCreatedAsync($"table:{tableName}", GetTableClient(tableName), (client, token) => client.CreateIfNotExistsAsync(token), cancellationToken);

    /// <summary>A queue client; the queue exists once the task completes.</summary>
    /// <param name="queueName">The queue.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The client.</returns>
    public Task<QueueClient> GetQueueAsync(string queueName, CancellationToken cancellationToken = default) =>
        EnsureCreatedAsync($"queue:{queueName}", GetQueueClient(queueName), (client, token) => client.CreateIfNotExistsAsync(cancellationToken: token), cancellationToken);

    /// <summary>A container client; the container exists once the task completes.</summary>
    /// <param name="containerName">The container.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The client.</returns>
    public Task<BlobContainerClient> GetBlobContainerAsync(string containerName, CancellationToken cancellationToken = default) =>
        EnsureCreatedAsync($"container:{containerName}", GetBlobContainerClient(containerName), (client, token) => client.CreateIfNotExistsAsync(cancellationToken: token), cancellationToken);

    private async Task<T> EnsureCreatedAsync<T>(string key, T client, Func<T, CancellationToken, Task> create, CancellationToken cancellationToken)
    {
        // One creation per resource and process; it does not belong to any caller, so no caller's token cancels it.
        var creation = _created.GetOrAdd(key, _ => create(client, CancellationToken.None));
        try
        {
            await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (creation.IsFaulted)
        {
            // Forget a failed creation so the next caller tries again.
            _created.TryRemove(KeyValuePair.Create(key, creation));
            throw;
        }

        return client;
    }
}

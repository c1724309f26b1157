using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Settings;

/// <summary>
/// The storage account holding the app's data (setting <c>SyncStorage</c>): a connection string, or, for a managed
/// identity, <c>SyncStorage__accountName</c> and/or <c>SyncStorage__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c>, plus <c>SyncStorage__clientId</c> for a user-assigned identity (the Functions host's
/// identity-connection convention, so the queue trigger in Azure reads the same settings).
/// </summary>
/// <remarks>
/// Blob and Queue clients pin service version 2025-11-05: the SDK's default (2026-10-06) is newer than any Azurite
/// that installs here accepts, and Azure serves 2025-11-05 as well. Queue messages are base64, as the Functions queue
/// trigger reads and writes them; one that is not goes to the poison queue (<see cref="UndecodableQueueMessages"/>).
/// </remarks>
public sealed class SyncStorageOptions
{
    /// <summary>The setting's name, also the <c>connection</c> of queue triggers on this account.</summary>
    public const string Section = "SyncStorage";

    private TokenCredential? _credential;

    /// <summary>The connection string (the value of <c>SyncStorage</c> itself).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account name, for an identity connection.</summary>
    public string? AccountName { get; set; }

    /// <summary>The Blob endpoint, for an identity connection.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>The Queue endpoint, for an identity connection.</summary>
    public string? QueueServiceUri { get; set; }

    /// <summary>The Table endpoint, for an identity connection.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; without it the default Azure credential chain is used.</summary>
    public string? ClientId { get; set; }

    /// <summary>Whether any identity-connection setting is set.</summary>
    public bool UsesIdentity =>
        new[] { AccountName, BlobServiceUri, QueueServiceUri, TableServiceUri }.Any(value => !string.IsNullOrEmpty(value));

    /// <summary>The Table service these settings describe.</summary>
    /// <returns>The client.</returns>
    /// <exception cref="FormatException">The connection string or a service URI is malformed.</exception>
    public TableServiceClient CreateTableServiceClient() => UsesIdentity
        ? new TableServiceClient(TableEndpoint(), Credential())
        : new TableServiceClient(RequiredConnectionString());

    /// <summary>The Blob service these settings describe.</summary>
    /// <returns>The client.</returns>
    /// <exception cref="FormatException">The connection string or a service URI is malformed.</exception>
    public BlobServiceClient CreateBlobServiceClient()
    {
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        return UsesIdentity
            ? new BlobServiceClient(BlobEndpoint(), Credential(), options)
            : new BlobServiceClient(RequiredConnectionString(), options);
    }

    /// <summary>The Queue service these settings describe.</summary>
    /// <returns>The client.</returns>
    /// <exception cref="FormatException">The connection string or a service URI is malformed.</exception>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05) { MessageEncoding = QueueMessageEncoding.Base64 };
        QueueServiceClient? service = null;
        UndecodableQueueMessages.MoveToPoison(options, () => service!);
        service = UsesIdentity
            ? new QueueServiceClient(QueueEndpoint(), Credential(), options)
            : new QueueServiceClient(RequiredConnectionString(), options);
        return service;
    }

    /// <summary>The connection string, for clients built by other libraries (the Durable Task hub).</summary>
    /// <exception cref="FormatException">It is empty.</exception>
    internal string RequiredConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) ? throw new FormatException("The setting SyncStorage is empty.") : ConnectionString;

    /// <summary>The Blob endpoint of an identity connection.</summary>
    internal Uri BlobEndpoint() => Endpoint(BlobServiceUri, "blobServiceUri", "blob");

    /// <summary>The Queue endpoint of an identity connection.</summary>
    internal Uri QueueEndpoint() => Endpoint(QueueServiceUri, "queueServiceUri", "queue");

    /// <summary>The Table endpoint of an identity connection.</summary>
    internal Uri TableEndpoint() => Endpoint(TableServiceUri, "tableServiceUri", "table");

    /// <summary>The credential of an identity connection: one for every service and client, so they share its token cache.</summary>
    internal TokenCredential Credential() => _credential ??= string.IsNullOrEmpty(ClientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));

    private Uri Endpoint(string? serviceUri, string setting, string service)
    {
        if (!string.IsNullOrEmpty(serviceUri))
        {
            return Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri
                : throw new FormatException($"SyncStorage__{setting} must be an absolute https URL.");
        }

        return string.IsNullOrEmpty(AccountName)
            ? throw new ArgumentException($"SyncStorage__accountName or SyncStorage__{setting} is required.", setting)
            : new Uri($"https://{AccountName}.{service}.core.windows.net");
    }
}

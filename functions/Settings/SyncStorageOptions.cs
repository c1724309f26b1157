using Azure.Core;
using Azure.Identity;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Settings;

/// <summary>
/// The storage account holding the app's data (setting <c>SyncStorage</c>): a connection string, or, for a managed
/// identity, <c>SyncStorage__accountName</c> and/or <c>SyncStorage__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c>, plus <c>SyncStorage__clientId</c> for a user-assigned identity (the Functions host's
/// identity-connection convention, so the queue trigger in Azure reads the same settings).
/// </summary>
public sealed class SyncStorageOptions
{
    /// <summary>The setting's name, also the <c>connection</c> of queue triggers on this account.</summary>
    public const string Section = "SyncStorage";

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

    /// <summary>The account these settings describe.</summary>
    /// <returns>The account.</returns>
    /// <exception cref="FormatException">The connection string or a service URI is malformed.</exception>
    public StorageAccount CreateAccount()
    {
        if (!UsesIdentity)
        {
            return StorageAccount.Parse(ConnectionString ?? string.Empty);
        }

        TokenCredential credential = string.IsNullOrEmpty(ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));
        return StorageAccount.FromIdentity(credential, string.IsNullOrEmpty(AccountName) ? null : AccountName,
            ServiceUri(BlobServiceUri, "blobServiceUri"), ServiceUri(QueueServiceUri, "queueServiceUri"), ServiceUri(TableServiceUri, "tableServiceUri"));
    }

    private static Uri? ServiceUri(string? value, string setting) =>
        string.IsNullOrEmpty(value) ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri
        : throw new FormatException($"SyncStorage__{setting} must be an absolute https URL.");
}

using Azure.Core;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Where a storage account's services are and how to authenticate to them: a shared key from a
/// connection string, or a <see cref="TokenCredential"/> (managed identity) in Azure.
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The account Azurite (and <c>UseDevelopmentStorage=true</c>) serves.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Azurite's published well-known development key; not a secret.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageAccount(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint,
        StorageSharedKeyCredential? sharedKey, TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        SharedKey = sharedKey;
        TokenCredential = tokenCredential;
    }

    /// <summary>The account name.</summary>
    public string AccountName { get; }

    /// <summary>The Blob service endpoint.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The Table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The shared key, when the account came from a connection string.</summary>
    public StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>The token credential, when the account is reached with an Entra ID identity.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>Parses a storage connection string (account key form, explicit endpoints, or <c>UseDevelopmentStorage=true</c>).</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The account.</returns>
    /// <exception cref="FormatException">A required part is missing or malformed; the message names it but never echoes the key.</exception>
    public static StorageAccount Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = StorageConnectionString.Split(connectionString);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var isDevelopment) && isDevelopment)
        {
            return Development(parts.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? new Uri(proxy) : new Uri("http://127.0.0.1"));
        }

        if (parts.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with a SharedAccessSignature are not supported; use an account key or a managed identity.");
        }

        var accountName = Required(parts, "AccountName");
        var accountKey = Required(parts, "AccountKey");
        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string key, string service) => parts.TryGetValue(key, out var explicitEndpoint)
            ? StorageConnectionString.ParseEndpoint(key, explicitEndpoint)
            : new Uri($"{protocol}://{accountName}.{service}.{suffix}");

        StorageSharedKeyCredential sharedKey;
        try
        {
            sharedKey = new StorageSharedKeyCredential(accountName, accountKey);
        }
        catch (FormatException)
        {
            throw new FormatException("The storage connection string's AccountKey is not valid base64.");
        }

        return new StorageAccount(accountName, Endpoint("BlobEndpoint", "blob"), Endpoint("QueueEndpoint", "queue"), Endpoint("TableEndpoint", "table"), sharedKey, null);
    }

    /// <summary>An account reached with an Entra ID identity, by name (public Azure endpoints) or by explicit service URIs.</summary>
    /// <param name="credential">The identity, e.g. a managed identity credential.</param>
    /// <param name="accountName">The account name; optional when all three service URIs are given.</param>
    /// <param name="blobServiceUri">The Blob endpoint, overriding the one derived from the name.</param>
    /// <param name="queueServiceUri">The Queue endpoint, overriding the one derived from the name.</param>
    /// <param name="tableServiceUri">The Table endpoint, overriding the one derived from the name.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">Neither a name nor the three service URIs were given.</exception>
    public static StorageAccount FromIdentity(TokenCredential credential, string? accountName = null,
        Uri? blobServiceUri = null, Uri? queueServiceUri = null, Uri? tableServiceUri = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        accountName ??= (blobServiceUri ?? queueServiceUri ?? tableServiceUri)?.Host.Split('.')[0];
        if (string.IsNullOrEmpty(accountName))
        {
            throw new ArgumentException("A storage account name or service URIs are required.", nameof(accountName));
        }

        Uri Derived(Uri? explicitUri, string service) =>
            explicitUri ?? new Uri($"https://{accountName}.{service}.core.windows.net");
        return new StorageAccount(accountName, Derived(blobServiceUri, "blob"), Derived(queueServiceUri, "queue"),
            Derived(tableServiceUri, "table"), null, credential);
    }

    private static StorageAccount Development(Uri host)
    {
        Uri Endpoint(int port) => new($"{host.Scheme}://{host.Host}:{port}/{DevelopmentAccountName}");
        return new StorageAccount(DevelopmentAccountName, Endpoint(10000), Endpoint(10001), Endpoint(10002),
            new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey), null);
    }

    private static string Required(Dictionary<string, string> parts, string key) =>
        parts.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {key}.");
}

using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CowansSync.Functions.Storage;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>The app's storage clients on the shared Azurite, and fresh tables and containers no other test uses.</summary>
internal static class AzuriteStorage
{
    /// <summary>The clients as the app builds them, on the shared Azurite.</summary>
    public static async Task<StorageClients> ClientsAsync() => StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString);

    /// <summary>A client whose table exists and is empty.</summary>
    public static async Task<TableClient> CreateTableAsync() => await (await ClientsAsync()).GetTableAsync(AzuriteServer.UniqueName("t"));

    /// <summary>A client whose container exists and is empty.</summary>
    public static async Task<BlobContainerClient> CreateContainerAsync() => await (await ClientsAsync()).GetBlobContainerAsync(AzuriteServer.UniqueName("c"));
}

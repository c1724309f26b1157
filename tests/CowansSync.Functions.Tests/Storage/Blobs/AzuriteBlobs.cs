using CowansSync.Functions.Storage;
using CowansSync.Functions.Storage.Blobs;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage.Blobs;

/// <summary>A fresh container on the shared Azurite for each test.</summary>
internal static class AzuriteBlobs
{
    public static async Task<BlobContainerClient> CreateContainerAsync()
    {
        var account = StorageAccount.Parse((await AzuriteServer.Shared).ConnectionString);
        var container = new BlobContainerClient(account, AzuriteServer.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        return container;
    }
}

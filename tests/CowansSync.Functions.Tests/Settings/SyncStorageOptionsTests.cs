using CowansSync.Functions.Settings;

namespace CowansSync.Functions.Tests.Settings;

/// <summary>The storage endpoints that the two shapes of the <c>SyncStorage</c> setting lead to.</summary>
public sealed class SyncStorageOptionsTests
{
    [Fact]
    public void CreateServiceClients_DevelopmentStorage_AddressAzuriteOnItsDefaultPorts()
    {
        var sut = new SyncStorageOptions { ConnectionString = "UseDevelopmentStorage=true" };

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), sut.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), sut.CreateQueueServiceClient().Uri);
        Assert.Equal("devstoreaccount1", sut.CreateTableServiceClient().AccountName);
    }

    [Fact]
    public void CreateServiceClients_AccountName_DerivesThePublicEndpoints()
    {
        var sut = new SyncStorageOptions { AccountName = "cowans", ClientId = "00000000-0000-0000-0000-000000000001" };

        Assert.True(sut.UsesIdentity);
        Assert.Equal(new Uri("https://cowans.blob.core.windows.net"), sut.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://cowans.queue.core.windows.net"), sut.CreateQueueServiceClient().Uri);
        Assert.Equal("cowans", sut.CreateTableServiceClient().AccountName);
    }

    [Fact]
    public void CreateServiceClients_ServiceUris_AreUsedAsGiven()
    {
        var sut = new SyncStorageOptions
        {
            BlobServiceUri = "https://blobs.example.net",
            QueueServiceUri = "https://queues.example.net",
            TableServiceUri = "https://cowans.table.core.windows.net",
        };

        Assert.Equal(new Uri("https://blobs.example.net"), sut.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://queues.example.net"), sut.CreateQueueServiceClient().Uri);
        Assert.Equal("cowans", sut.CreateTableServiceClient().AccountName);
    }

    [Fact]
    public void CreateBlobServiceClient_ServiceUriNotAbsolute_ThrowsFormatExceptionNamingTheSetting()
    {
        var sut = new SyncStorageOptions { BlobServiceUri = "cowans.blob.core.windows.net" };

        var error = Assert.Throws<FormatException>(() => sut.CreateBlobServiceClient());

        Assert.Contains("SyncStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateQueueServiceClient_OnlyATableUri_ThrowsNamingWhatIsMissing()
    {
        var sut = new SyncStorageOptions { TableServiceUri = "https://cowans.table.core.windows.net" };

        var error = Assert.Throws<ArgumentException>(() => sut.CreateQueueServiceClient());

        Assert.Contains("SyncStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }
}

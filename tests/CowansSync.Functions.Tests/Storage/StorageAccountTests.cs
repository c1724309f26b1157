using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Tests.Storage;

public sealed class StorageAccountTests
{
    [Fact]
    public void Parse_DevelopmentStorage_ExpandsToAzuriteEndpoints()
    {
        var sut = StorageAccount.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", sut.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), sut.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), sut.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), sut.TableEndpoint);
        Assert.NotNull(sut.SharedKey);
    }

    [Fact]
    public void Parse_DevelopmentStorageWithProxy_SwapsHost()
    {
        var sut = StorageAccount.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal(new Uri("http://azurite.local:10002/devstoreaccount1"), sut.TableEndpoint);
    }

    [Fact]
    public void Parse_AccountKey_DerivesPublicEndpoints()
    {
        var sut = StorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=cowans;AccountKey=a2V5a2V5;EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://cowans.blob.core.windows.net"), sut.BlobEndpoint);
        Assert.Equal(new Uri("https://cowans.queue.core.windows.net"), sut.QueueEndpoint);
        Assert.Equal(new Uri("https://cowans.table.core.windows.net"), sut.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_AreUsedAsGiven()
    {
        var sut = StorageAccount.Parse("AccountName=devstoreaccount1;AccountKey=a2V5a2V5;BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1/;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1");

        Assert.Equal(new Uri("http://127.0.0.1:5000/devstoreaccount1"), sut.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5002/devstoreaccount1"), sut.TableEndpoint);
        Assert.Equal(new Uri("https://devstoreaccount1.queue.core.windows.net"), sut.QueueEndpoint);
    }

    [Theory]
    [InlineData("AccountKey=a2V5a2V5", "AccountName")]
    [InlineData("AccountName=cowans", "AccountKey")]
    [InlineData("AccountName=cowans;AccountKey=not base64!", "AccountKey")]
    [InlineData("AccountName=cowans;AccountKey=a2V5a2V5;BlobEndpoint=ftp://x", "BlobEndpoint")]
    [InlineData("AccountName=cowans;garbage", "key=value")]
    public void Parse_Malformed_NamesThePartWithoutEchoingTheKey(string connectionString, string named)
    {
        var error = Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a2V5a2V5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromIdentity_AccountName_DerivesEndpointsAndKeepsCredential()
    {
        var credential = new Azure.Identity.DefaultAzureCredential();

        var sut = StorageAccount.FromIdentity(credential, accountName: "cowans");

        Assert.Same(credential, sut.TokenCredential);
        Assert.Null(sut.SharedKey);
        Assert.Equal(new Uri("https://cowans.queue.core.windows.net"), sut.QueueEndpoint);
    }

    [Fact]
    public void FromIdentity_ServiceUris_TakesNameFromHost()
    {
        var sut = StorageAccount.FromIdentity(new Azure.Identity.DefaultAzureCredential(),
            blobServiceUri: new Uri("https://cowans.blob.core.windows.net"),
            queueServiceUri: new Uri("https://cowans.queue.core.windows.net"),
            tableServiceUri: new Uri("https://cowans.table.core.windows.net"));

        Assert.Equal("cowans", sut.AccountName);
    }
}

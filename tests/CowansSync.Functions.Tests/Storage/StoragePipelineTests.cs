using Azure;
using Azure.Core;
using CowansSync.Functions.Storage;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage;

/// <summary>Both signing schemes, proven against a real Azurite.</summary>
public sealed class StoragePipelineTests
{
    private const string WrongKey = "d3Jvbmd3cm9uZ3dyb25nd3Jvbmd3cm9uZ3dyb25nd3Jvbmc=";

    [Fact]
    public async Task SendAsync_SharedKeyOnBlobAndQueue_IsAccepted()
    {
        var account = StorageAccount.Parse((await AzuriteServer.Shared).ConnectionString);
        var sut = new StoragePipeline(account, null, table: false);

        using var container = sut.CreateMessage(RequestMethod.Put, new Uri($"{account.BlobEndpoint}/{AzuriteServer.UniqueName("c")}?restype=container"));
        using var queue = sut.CreateMessage(RequestMethod.Put, new Uri($"{account.QueueEndpoint}/{AzuriteServer.UniqueName("q")}"));

        Assert.Equal(201, (await sut.SendAsync(container, CancellationToken.None)).Status);
        Assert.Equal(201, (await sut.SendAsync(queue, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task SendAsync_SharedKeyLiteOnTable_IsAccepted()
    {
        var account = StorageAccount.Parse((await AzuriteServer.Shared).ConnectionString);
        var sut = new StoragePipeline(account, null, table: true);
        using var message = sut.CreateMessage(RequestMethod.Post, new Uri($"{account.TableEndpoint}/Tables"));
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        message.Request.Content = RequestContent.Create(BinaryData.FromObjectAsJson(new { TableName = AzuriteServer.UniqueName("t") }));

        var response = await sut.SendAsync(message, CancellationToken.None);

        Assert.Equal(201, response.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_WrongKey_FailsWith403AndErrorCode(bool table)
    {
        var azurite = await AzuriteServer.Shared;
        var account = StorageAccount.Parse(azurite.ConnectionString.Replace("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", WrongKey, StringComparison.Ordinal));
        var sut = new StoragePipeline(account, null, table);
        var uri = table ? new Uri($"{account.TableEndpoint}/Tables") : new Uri($"{account.BlobEndpoint}?comp=list");
        using var message = sut.CreateMessage(RequestMethod.Get, uri);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.SendAsync(message, CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
    }
}

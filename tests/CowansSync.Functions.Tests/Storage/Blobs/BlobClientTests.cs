using System.Security.Cryptography;
using Azure;
using CowansSync.Functions.Storage.Blobs;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Storage.Blobs;

public sealed class BlobClientTests
{
    [Fact]
    public async Task UploadAsync_SmallContent_RoundTripsWithTypeAndMetadata()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("drops/2026/catalog.zip");

        var info = (await sut.UploadAsync(BinaryData.FromString("hello é"), new BlobUploadOptions
        {
            ContentType = "application/zip",
            Metadata = new Dictionary<string, string> { ["fingerprint"] = "abc123" },
        })).Value;

        var properties = (await sut.GetPropertiesAsync()).Value;
        Assert.Equal(info.ETag, properties.ETag);
        Assert.Equal("application/zip", properties.ContentType);
        Assert.Equal("abc123", properties.Metadata["fingerprint"]);
        Assert.Equal("hello é", (await sut.DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task UploadAsync_MultipleBlocks_ContentArrivesInOrder()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("blocks.bin");
        const int length = (5 * 1024) + 17;

        await sut.UploadAsync(new PatternStream(length), new BlobUploadOptions { BlockSizeBytes = 1024 });

        var download = (await sut.DownloadStreamingAsync()).Value;
        await using var content = download.Content;
        Assert.Equal(length, download.Details.ContentLength);
        Assert.Equal(SHA256.HashData(new PatternStream(length)), await SHA256.HashDataAsync(content));
    }

    [Fact]
    public async Task UploadAsync_IfNoneMatchAllOnExistingBlob_IsRefused()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("once.txt");
        var createOnly = new BlobUploadOptions { Conditions = new RequestConditions { IfNoneMatch = ETag.All } };
        await sut.UploadAsync(BinaryData.FromString("first"), createOnly);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.UploadAsync(BinaryData.FromString("second"), createOnly));

        Assert.True(error.Status is 409 or 412, $"status {error.Status}");
        Assert.Equal("first", (await sut.DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task UploadAsync_StaleIfMatch_Fails412()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("versioned.txt");
        var first = (await sut.UploadAsync(BinaryData.FromString("v1"))).Value;
        await sut.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = new RequestConditions { IfMatch = first.ETag } });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            sut.UploadAsync(BinaryData.FromString("v3"), new BlobUploadOptions { Conditions = new RequestConditions { IfMatch = first.ETag } }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
        Assert.Equal("v2", (await sut.DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task SetMetadataAsync_ReplacesMetadata()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("meta.txt");
        await sut.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["old"] = "1" } });

        await sut.SetMetadataAsync(new Dictionary<string, string> { ["imported"] = "true" });

        var metadata = (await sut.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal("true", metadata["imported"]);
        Assert.False(metadata.ContainsKey("old"));
    }

    [Fact]
    public async Task ExistsAndDeleteIfExists_ReportTheBlobsState()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("gone.txt");
        await sut.UploadAsync(BinaryData.FromString("x"));

        Assert.True((await sut.ExistsAsync()).Value);
        Assert.True((await sut.DeleteIfExistsAsync()).Value);
        Assert.False((await sut.ExistsAsync()).Value);
        Assert.False((await sut.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task DownloadStreamingAsync_MissingBlob_ThrowsBlobNotFound()
    {
        var sut = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("missing.txt");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.DownloadStreamingAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }
}

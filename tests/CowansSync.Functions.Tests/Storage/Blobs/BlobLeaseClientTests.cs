using Azure;
using CowansSync.Functions.Storage.Blobs;

namespace CowansSync.Functions.Tests.Storage.Blobs;

public sealed class BlobLeaseClientTests
{
    [Fact]
    public async Task AcquireAsync_HeldByAnother_Fails409UntilReleased()
    {
        var blob = await CreateBlobAsync();
        var holder = new BlobLeaseClient(blob);
        var contender = new BlobLeaseClient(blob);
        await holder.AcquireAsync(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => contender.AcquireAsync(TimeSpan.FromSeconds(15)));
        await holder.ReleaseAsync();
        var lease = (await contender.AcquireAsync(TimeSpan.FromSeconds(15))).Value;

        Assert.Equal(409, error.Status);
        Assert.Equal("LeaseAlreadyPresent", error.ErrorCode);
        Assert.Equal(contender.LeaseId, lease.LeaseId);
    }

    [Fact]
    public async Task UploadAsync_LeasedBlob_OnlyTheHolderWrites()
    {
        var blob = await CreateBlobAsync();
        var sut = new BlobLeaseClient(blob);
        await sut.AcquireAsync(TimeSpan.FromSeconds(15));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("intruder")));
        await blob.UploadAsync(BinaryData.FromString("holder"), new BlobUploadOptions { LeaseId = sut.LeaseId });

        Assert.Equal(412, error.Status);
        Assert.Equal("holder", (await blob.DownloadContentAsync()).Value.ToString());
        Assert.Equal("leased", (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    [Fact]
    public async Task RenewAsync_HeldLease_KeepsIt()
    {
        var blob = await CreateBlobAsync();
        var sut = new BlobLeaseClient(blob);
        await sut.AcquireAsync(TimeSpan.FromSeconds(15));

        var renewed = (await sut.RenewAsync()).Value;

        Assert.Equal(sut.LeaseId, renewed.LeaseId);
        await Assert.ThrowsAsync<RequestFailedException>(() => new BlobLeaseClient(blob).AcquireAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task BreakAsync_Immediately_LetsAnotherAcquire()
    {
        var blob = await CreateBlobAsync();
        await new BlobLeaseClient(blob).AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        var sut = new BlobLeaseClient(blob);

        await sut.BreakAsync(TimeSpan.Zero);
        var lease = (await sut.AcquireAsync(TimeSpan.FromSeconds(15))).Value;

        Assert.Equal(sut.LeaseId, lease.LeaseId);
    }

    [Fact]
    public async Task AcquireAsync_DurationOutOfRange_ThrowsWithoutLeasing()
    {
        var blob = await CreateBlobAsync();
        var sut = new BlobLeaseClient(blob);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.AcquireAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal("available", (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    private static async Task<BlobClient> CreateBlobAsync()
    {
        var blob = (await AzuriteBlobs.CreateContainerAsync()).GetBlobClient("lock");
        await blob.UploadAsync(BinaryData.Empty);
        return blob;
    }
}

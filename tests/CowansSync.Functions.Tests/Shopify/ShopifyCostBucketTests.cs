using CowansSync.Functions.Shopify;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Shopify;

public sealed class ShopifyCostBucketTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task ReserveAsync_MoreThanTheBucketHolds_WaitsForTheRestoreRate()
    {
        // Arrange: Shopify reports 100 of 2,000 points left, restoring 100 a second.
        var sut = new ShopifyCostBucket(_clock);
        sut.Observe(new ThrottleStatus(2000, 100, 100), await sut.ReserveAsync(0, CancellationToken.None));

        // Act
        var reserving = sut.ReserveAsync(500, CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(3.9));
        var earlyDone = reserving.IsCompleted;
        AdvanceInSteps(TimeSpan.FromSeconds(0.5));

        // Assert
        Assert.False(earlyDone);
        Assert.Equal(500, await reserving.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ReserveAsync_ConcurrentReservations_CountAgainstEachOther()
    {
        var sut = new ShopifyCostBucket(_clock);
        sut.Observe(new ThrottleStatus(2000, 1000, 100), await sut.ReserveAsync(0, CancellationToken.None));

        var first = await sut.ReserveAsync(600, CancellationToken.None);
        var second = sut.ReserveAsync(600, CancellationToken.None).AsTask();

        Assert.Equal(600, first);
        Assert.False(second.IsCompleted);
        sut.Release(first);
        AdvanceInSteps(TimeSpan.FromMilliseconds(300));
        Assert.Equal(600, await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    // The bucket re-checks in short steps; each step's timer is created after the previous one fired.
    private void AdvanceInSteps(TimeSpan total)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += TimeSpan.FromMilliseconds(10))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            Thread.Sleep(1);
        }
    }
}

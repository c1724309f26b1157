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
        Assert.Equal(500, (await reserving.WaitAsync(TimeSpan.FromSeconds(5))).Cost);
    }

    [Fact]
    public async Task ReserveAsync_ConcurrentReservations_CountAgainstEachOther()
    {
        var sut = new ShopifyCostBucket(_clock);
        sut.Observe(new ThrottleStatus(2000, 1000, 100), await sut.ReserveAsync(0, CancellationToken.None));

        var first = await sut.ReserveAsync(600, CancellationToken.None);
        var second = sut.ReserveAsync(600, CancellationToken.None).AsTask();

        Assert.Equal(600, first.Cost);
        Assert.False(second.IsCompleted);
        sut.Release(first);
        AdvanceInSteps(TimeSpan.FromMilliseconds(300));
        Assert.Equal(600, (await second.WaitAsync(TimeSpan.FromSeconds(5))).Cost);
    }

    [Fact]
    public async Task Observe_AnOlderResponseArrivingLast_KeepsTheNewerStatus()
    {
        // Arrange: 1,000 points left; then two requests of 400, the second answered first.
        var sut = new ShopifyCostBucket(_clock);
        sut.Observe(new ThrottleStatus(2000, 1000, 100), await sut.ReserveAsync(0, CancellationToken.None));
        var older = await sut.ReserveAsync(400, CancellationToken.None);
        var newer = await sut.ReserveAsync(400, CancellationToken.None);

        // Act: the newer status has both charged; the older one was taken before the newer request was charged.
        sut.Observe(new ThrottleStatus(2000, 200, 100), newer);
        sut.Observe(new ThrottleStatus(2000, 600, 100), older);
        var reserving = sut.ReserveAsync(500, CancellationToken.None).AsTask();

        // Assert: not the stale 600. Until the next status the older charge also counts as in flight (200 - 400),
        // which errs on the slow side: 500 points come after 7 s of restore.
        Assert.False(reserving.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(6.9));
        AdvanceInSteps(TimeSpan.FromSeconds(0.5));
        Assert.Equal(500, (await reserving.WaitAsync(TimeSpan.FromSeconds(5))).Cost);
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

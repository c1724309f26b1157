using System.Net;
using CowansSync.Functions.Xorosoft;

namespace CowansSync.Functions.Tests.Xorosoft;

public sealed class XorosoftClientTests(XorosoftSandboxFixture fixture) : IClassFixture<XorosoftSandboxFixture>
{
    [Fact]
    public async Task GetProductAsync_WrongSecret_ThrowsClearAuthError()
    {
        using var sut = fixture.CreateClient(secret: "wrong-secret");

        var error = await Assert.ThrowsAsync<XorosoftApiException>(() => sut.GetProductAsync(fixture.SkusOf("in_all")[0]));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Xorosoft__ApiSecret", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sut.RequestCount);
    }

    [Fact]
    public async Task GetProductAsync_UnknownItem_ReturnsEmptyWithoutRetrying()
    {
        using var sut = fixture.CreateClient();

        var items = await sut.GetProductAsync("NO-SUCH-ITEM-123");

        Assert.Empty(items);
        Assert.Equal(1, sut.RequestCount);
    }

    [Fact]
    public async Task GetProductAsync_ForcedThrottle_RetriesUntilItClears()
    {
        await fixture.ResetAsync();
        using var sut = fixture.CreateClient();
        var sku = fixture.SkusOf("in_all")[0];
        await fixture.SetFaultsAsync(new { throttle = true });

        var call = sut.GetProductAsync(sku);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await fixture.XorosoftCountersAsync()).GetProperty("throttled").GetInt32() < 2)
        {
            await Task.Delay(20, patience.Token);
        }

        await fixture.SetFaultsAsync(new { throttle = false });
        var items = await call;

        Assert.Equal(sku, Assert.Single(items).ItemNumber);
        Assert.True(sut.ThrottledCount >= 2, $"throttled {sut.ThrottledCount}");
    }

    [Fact]
    public async Task GetInventoryAsync_ManyConcurrentCalls_NeverExceedThreeInFlight()
    {
        await fixture.ResetAsync();
        await fixture.SetFaultsAsync(new { latencyMs = 30 });
        using var sut = fixture.CreateClient();
        var skus = fixture.SkusOf("in_all");

        var stocks = await Task.WhenAll(skus.Select(sku => sut.GetInventoryAsync(sku, ["MAIN"])));
        var counters = await fixture.XorosoftCountersAsync();
        await fixture.ResetAsync();

        Assert.All(stocks, stock => Assert.Equal("MAIN", Assert.Single(stock).StoreName));
        Assert.Equal(0, counters.GetProperty("throttled").GetInt32());
        Assert.Equal(skus.Count, sut.RequestCount);
    }

    [Fact]
    public async Task GetInventoryAsync_TwoProcessesSixInFlight_ThrottledRequestsAreRetried()
    {
        await fixture.ResetAsync();
        await fixture.SetFaultsAsync(new { latencyMs = 100 });
        using var first = fixture.CreateClient();
        using var second = fixture.CreateClient();
        var skus = fixture.SkusOf("in_all").Take(12).ToList();

        var stocks = await Task.WhenAll(skus.Select((sku, i) => (i % 2 == 0 ? first : second).GetInventoryAsync(sku, ["MAIN"])));
        var counters = await fixture.XorosoftCountersAsync();
        await fixture.ResetAsync();

        Assert.All(stocks, stock => Assert.Single(stock));
        Assert.True(counters.GetProperty("throttled").GetInt32() > 0, "the simulator never throttled");
        Assert.Equal(counters.GetProperty("throttled").GetInt32(), first.ThrottledCount + second.ThrottledCount);
    }

    [Fact]
    public async Task ListProductsAsync_InjectedServerErrors_AreRetried()
    {
        await fixture.ResetAsync();
        await fixture.SetFaultsAsync(new { errorRate = 0.3 });
        using var sut = fixture.CreateClient();

        var pages = await Task.WhenAll(Enumerable.Range(1, 10).Select(page => sut.ListProductsAsync(page, 5)));
        var counters = await fixture.XorosoftCountersAsync();
        await fixture.ResetAsync();

        Assert.All(pages.Take(fixture.Count("in_all") / 5), page => Assert.Equal(5, page.Count));
        Assert.True(counters.GetProperty("errors_injected").GetInt32() > 0, "no error was injected");
    }
}

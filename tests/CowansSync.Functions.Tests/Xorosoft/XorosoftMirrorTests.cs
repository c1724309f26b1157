using CowansSync.Functions.Storage.Tables;
using CowansSync.Functions.Tests.Fakes;
using CowansSync.Testing;

namespace CowansSync.Functions.Tests.Xorosoft;

public sealed class XorosoftMirrorTests(XorosoftSandboxFixture fixture) : IClassFixture<XorosoftSandboxFixture>
{
    [Fact]
    public async Task SyncAsync_FullListing_MirrorsEveryItemAndRecordsTheSync()
    {
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, AzuriteServer.UniqueName("xmirror"));
        var expected = fixture.Count("in_all") + fixture.Count("new_in_etilize") + fixture.Count("shopify_only");

        var state = await sut.SyncAsync();

        Assert.Equal(expected, state.ItemCount);
        Assert.Equal(state, await sut.GetStateAsync());
        foreach (var sku in fixture.SkusOf("in_all").Concat(fixture.SkusOf("shopify_only")))
        {
            var item = await sut.FindByItemNumberAsync(sku.ToLowerInvariant());
            Assert.Equal(sku, item?.ItemNumber);
            Assert.Equal(decimal.Parse(fixture.TruthOf(sku).GetProperty("xorosoft").GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture), item!.Price);
        }

        Assert.Null(await sut.FindByItemNumberAsync(fixture.SkusOf("unknown_to_xorosoft")[0]));
    }

    [Fact]
    public async Task EnsureFreshAsync_FreshMirror_DoesNotSyncAgain()
    {
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, AzuriteServer.UniqueName("xmirror"));
        var first = await sut.EnsureFreshAsync(TimeSpan.FromDays(1));
        var requestsAfterFirst = client.RequestCount;

        var second = await sut.EnsureFreshAsync(TimeSpan.FromDays(1));
        var requestsAfterSecond = client.RequestCount;
        var third = await sut.EnsureFreshAsync(TimeSpan.Zero);

        Assert.Equal(first, second);
        Assert.Equal(requestsAfterFirst, requestsAfterSecond);
        Assert.True(third.SyncedAt > first.SyncedAt);
        Assert.Equal(2 * requestsAfterFirst, client.RequestCount);
    }

    [Fact]
    public async Task SyncAsync_TwoSyncsAtOnce_LeaveTheSameRowsAsOne()
    {
        var once = AzuriteServer.UniqueName("xonce");
        var twice = AzuriteServer.UniqueName("xtwice");
        using var client = fixture.CreateClient();
        using var single = fixture.CreateMirror(client, once);
        using var left = fixture.CreateMirror(client, twice);
        using var right = fixture.CreateMirror(client, twice);

        await single.SyncAsync();
        await Task.WhenAll(left.SyncAsync(), right.SyncAsync());

        Assert.Equal(await RowsAsync(once), await RowsAsync(twice));
    }

    [Fact]
    public async Task SyncAsync_ItemsGoneFromXorosoft_AreRemovedFromTheMirror()
    {
        var tableName = AzuriteServer.UniqueName("xprune");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, tableName, time);
        await fixture.AddEtilizeDropAsync(day: 1);
        var withAdded = await sut.SyncAsync();
        var rowsWithAdded = (await RowsAsync(tableName)).Count;

        // Reset takes the items the day-1 drop added out of Xorosoft again.
        await fixture.ResetAsync();
        time.Advance(TimeSpan.FromHours(1));
        var original = await sut.SyncAsync();
        var rows = await RowsAsync(tableName);

        Assert.True(withAdded.ItemCount > original.ItemCount, $"{withAdded.ItemCount} vs {original.ItemCount}");
        Assert.True(rowsWithAdded > rows.Count);
        Assert.Equal(original.ItemCount, rows.Count(row => row.StartsWith("item/", StringComparison.Ordinal)));
        Assert.Equal(fixture.Count("in_all") + fixture.Count("new_in_etilize") + fixture.Count("shopify_only"), original.ItemCount);
    }

    private async Task<List<string>> RowsAsync(string tableName)
    {
        var table = await fixture.Storage.GetTableAsync(tableName);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey ne {"state"}")))
        {
            rows.Add($"{entity.PartitionKey}/{entity.RowKey}={entity.GetString("ItemNumber")}:{entity.GetString("Price")}:{entity.GetString("Cost")}:{entity.GetString("Upc")}");
        }

        return rows;
    }
}

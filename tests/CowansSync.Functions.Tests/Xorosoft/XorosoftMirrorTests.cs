using Azure.Data.Tables;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Xorosoft;

public sealed class XorosoftMirrorTests(XorosoftSandboxFixture fixture) : IClassFixture<XorosoftSandboxFixture>
{
    [Fact]
    public async Task SyncAsync_FullListing_MirrorsEveryItemWithItsStockAndRecordsTheSync()
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
            Assert.Equal(fixture.TruthOf(sku).GetProperty("xorosoft").GetProperty("stock").GetProperty("MAIN").GetInt32(), item.Stock);
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
        Assert.Equal(original.ItemCount, rows.Count(row => row.StartsWith("item~", StringComparison.Ordinal)));
        Assert.Equal(fixture.Count("in_all") + fixture.Count("new_in_etilize") + fixture.Count("shopify_only"), original.ItemCount);
    }

    [Fact]
    public async Task SyncAsync_FullListing_SpreadsEachIndexOverBucketsAndLookupsFindEveryItem()
    {
        var tableName = AzuriteServer.UniqueName("xbuckets");
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, tableName);
        await sut.SyncAsync();

        var partitions = (await RowsAsync(tableName)).Select(row => row[..row.IndexOf('/', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).ToList();
        var misses = new List<string>();
        foreach (var sku in fixture.SkusOf("in_all"))
        {
            var item = await sut.FindByItemNumberAsync(sku) ?? throw new InvalidOperationException($"{sku} not mirrored");
            var mpn = PartNumber.Normalize(item.ManufacturerPartNumber!);
            if ((await sut.FindByUpcAsync(item.Upc!))?.ItemNumber != sku
                || (await sut.FindByPartNumberAsync(item.ManufacturerPartNumber!))?.ItemNumber != sku
                || !(await sut.FindByPartNumberPrefixAsync(mpn[..3], 1000)).Any(found => found.ItemNumber == sku))
            {
                misses.Add(sku);
            }
        }

        Assert.All(["item", "upc", "mpn"], index => Assert.True(partitions.Count(partition => partition.StartsWith(index + "~", StringComparison.Ordinal)) > 8, string.Join(",", partitions)));
        Assert.All(partitions, partition => Assert.Matches("^(item|upc|mpn)~[0-3][0-9]$", partition));
        Assert.Empty(misses);
    }

    [Fact]
    public async Task FindByPartNumberPrefixAsync_AcrossBuckets_ReturnsKeyOrderAndHonoursTheLimit()
    {
        var tableName = AzuriteServer.UniqueName("xprefix");
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, tableName);
        await sut.SyncAsync();
        var item = await sut.FindByItemNumberAsync(fixture.SkusOf("in_all")[0]);
        var prefix = PartNumber.Normalize(item!.ManufacturerPartNumber!)[..1];
        var expected = (await RowsAsync(tableName))
            .Where(row => row.StartsWith("mpn~", StringComparison.Ordinal) && row[(row.IndexOf('/', StringComparison.Ordinal) + 1)..].StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(row => row[(row.IndexOf('/', StringComparison.Ordinal) + 1)..row.IndexOf('=', StringComparison.Ordinal)], StringComparer.Ordinal)
            .Select(row => row[(row.IndexOf('=', StringComparison.Ordinal) + 1)..row.IndexOf(':', StringComparison.Ordinal)])
            .ToList();

        var all = await sut.FindByPartNumberPrefixAsync(prefix, 1000);
        var limited = await sut.FindByPartNumberPrefixAsync(prefix, 3);

        Assert.True(expected.Count > 3, $"{expected.Count}");
        Assert.Equal(expected, all.Select(found => found.ItemNumber));
        Assert.Equal(expected.Take(3), limited.Select(found => found.ItemNumber));
    }

    private async Task<List<string>> RowsAsync(string tableName)
    {
        var table = await fixture.Storage.GetTableAsync(tableName);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {"state"}")))
        {
            rows.Add($"{entity.PartitionKey}/{entity.RowKey}={entity.GetString("ItemNumber")}:{entity.GetString("Price")}:{entity.GetString("Cost")}:{entity.GetString("Upc")}");
        }

        return rows;
    }
}

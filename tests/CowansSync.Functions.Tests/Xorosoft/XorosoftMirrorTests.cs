using Azure.Data.Tables;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Ports;
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
    public async Task GetIndexAsync_AfterASync_SpreadsItemsOverBucketsAndFindsEveryItemByNumberBarcodeAndPartNumber()
    {
        var tableName = AzuriteServer.UniqueName("xbuckets");
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, tableName);

        var index = await sut.GetIndexAsync(TimeSpan.FromHours(1));

        var partitions = (await RowsAsync(tableName)).Select(row => row[..row.IndexOf('/', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).ToList();
        var misses = new List<string>();
        foreach (var sku in fixture.SkusOf("in_all"))
        {
            var item = index.ByItemNumber(sku.ToLowerInvariant()) ?? throw new InvalidOperationException($"{sku} not mirrored");
            var mpn = PartNumber.Normalize(item.ManufacturerPartNumber!);
            if (index.ByUpc(item.Upc)?.ItemNumber != sku
                || index.ByPartNumber(item.ManufacturerPartNumber!.ToLowerInvariant())?.ItemNumber != sku
                || index.ByPartNumber(item.ManufacturerPartNumber, item.Manufacturer + " Inc.")?.ItemNumber != sku
                || index.ByPartNumber(item.ManufacturerPartNumber, "Another Maker") is not null
                || !index.ByPartNumberPrefix(mpn[..3], 1000).Any(found => found.ItemNumber == sku))
            {
                misses.Add(sku);
            }
        }

        Assert.True(partitions.Count > 8, string.Join(",", partitions));
        Assert.All(partitions, partition => Assert.Matches("^item~[0-3][0-9]$", partition));
        Assert.Equal(fixture.Count("in_all") + fixture.Count("new_in_etilize") + fixture.Count("shopify_only"), index.Count);
        Assert.Empty(misses);
    }

    [Fact]
    public async Task GetIndexAsync_SameSync_IsReadOnceAndASyncElsewhereIsReadAgain()
    {
        var tableName = AzuriteServer.UniqueName("xreload");
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, tableName);
        using var otherProcess = fixture.CreateMirror(client, tableName);

        var first = await sut.GetIndexAsync(TimeSpan.FromHours(1));
        var again = await sut.GetIndexAsync(TimeSpan.FromHours(1));
        await otherProcess.SyncAsync();
        var afterTheOtherSync = await sut.GetIndexAsync(TimeSpan.FromHours(1));

        Assert.Same(first, again);
        Assert.NotSame(first, afterTheOtherSync);
        Assert.True(afterTheOtherSync.SyncedAt > first.SyncedAt);
    }

    [Fact]
    public async Task GetIndexAsync_AfterThisProcessSynced_KeepsWhatTheSyncWroteAndAnotherProcessReadsTheSame()
    {
        var tableName = AzuriteServer.UniqueName("xkept");
        using var client = fixture.CreateClient();
        using var sut = fixture.CreateMirror(client, tableName);
        using var otherProcess = fixture.CreateMirror(client, tableName);
        var state = await sut.SyncAsync();

        // Rows changed behind the mirror's back show whether it read the table again.
        var table = await fixture.Storage.GetTableAsync(tableName);
        var sku = fixture.SkusOf("in_all")[0];
        var row = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ItemNumber eq {sku}")).SingleAsync();
        row["Title"] = "edited in the table";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge);

        var kept = await sut.GetIndexAsync(TimeSpan.FromHours(1));
        var read = await otherProcess.GetIndexAsync(TimeSpan.FromHours(1));

        Assert.Equal(state.SyncedAt, kept.SyncedAt);
        Assert.Equal(state.ItemCount, kept.Count);
        Assert.NotEqual("edited in the table", kept.ByItemNumber(sku)!.Title);
        Assert.Equal("edited in the table", read.ByItemNumber(sku)!.Title);
        Assert.All(fixture.SkusOf("in_all").Skip(1), other => Assert.Equal(read.ByItemNumber(other), kept.ByItemNumber(other)));
    }

    [Fact]
    public void ByPartNumberAndByUpc_SharedBySeveralItems_FindNone()
    {
        XorosoftItem Item(string number, string mpn, string upc, string maker) => new(number, number, null, maker, mpn, upc, null, null, null, Active: true);
        var sut = new XorosoftMirrorIndex(DateTimeOffset.UnixEpoch, [Item("A-1", "P-1", "072782000011", "Acme"), Item("B-1", "P-1", "072782000011", "Bolt"), Item("C-1", "P-2", "072782000028", "Acme")]);

        Assert.Null(sut.ByPartNumber("p1"));
        Assert.Null(sut.ByUpc("072782000011"));
        Assert.Equal("B-1", sut.ByPartNumber("P-1", "Bolt Corp.")?.ItemNumber);
        Assert.Equal("C-1", sut.ByUpc("0072782000028")?.ItemNumber);
        Assert.Equal(["A-1", "B-1", "C-1"], sut.ByPartNumberPrefix("P", 10).Select(item => item.ItemNumber).Order(StringComparer.Ordinal));
        Assert.Equal(2, sut.ByPartNumberPrefix("P", 2).Count);
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

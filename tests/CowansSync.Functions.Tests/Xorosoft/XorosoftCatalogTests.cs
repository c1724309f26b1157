using System.Globalization;
using System.Text.Json;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Xorosoft;
using CowansSync.Orchestrations.Domain.Matching;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Xorosoft;

public sealed class XorosoftCatalogTests(XorosoftSandboxFixture fixture) : IClassFixture<XorosoftSandboxFixture>
{
    [Fact]
    public async Task ValidateAsync_KnownUnknownUpcOnlyMpnOnlyRows_GivesVerdictsAndTruthValues()
    {
        await fixture.ResetAsync();
        using var client = fixture.CreateClient();
        using var mirror = fixture.CreateMirror(client, AzuriteServer.UniqueName("xcatalog"));
        var sut = CreateCatalog(mirror, client);
        var inAll = fixture.SkusOf("in_all");
        var (known, byUpc, byMpn) = (inAll[0], inAll[1], inAll[2]);
        var unknown = fixture.SkusOf("unknown_to_xorosoft")[0];
        CatalogItem[] rows =
        [
            Row(known.ToLowerInvariant(), upc: null, mpn: null),
            Row("ETZ-UPC-ONLY", upc: Etilize(byUpc).GetProperty("upc").GetString(), mpn: null),
            Row("ETZ-MPN-ONLY", upc: null, mpn: Etilize(byMpn).GetProperty("mpn").GetString()!.ToLowerInvariant()),
            Row(unknown, Etilize(unknown).GetProperty("upc").GetString(), Etilize(unknown).GetProperty("mpn").GetString()),
        ];

        var result = await sut.ValidateAsync(rows, XorosoftValidationMode.Strict, CancellationToken.None);
        var counters = await fixture.XorosoftCountersAsync();

        AssertHit(result[known.ToLowerInvariant()], XorosoftMatchType.Exact, 1.00m, known);
        AssertHit(result["ETZ-UPC-ONLY"], XorosoftMatchType.Upc, 0.98m, byUpc);
        AssertHit(result["ETZ-MPN-ONLY"], XorosoftMatchType.Mpn, 0.85m, byMpn);
        Assert.Equal(XorosoftValidation.NotFound, result[unknown].Validation);
        Assert.Null(result[unknown].Item);
        Assert.Equal(0, counters.GetProperty("throttled").GetInt32());
        // The inventory listing's page, the empty page that ends it and the two asked for with them, the same for the
        // item listing, and nothing else: the mirror holds the found items' stock, and a mirror synced just now knows
        // every item.
        Assert.Equal(8, sut.RequestCount);
    }

    [Fact]
    public async Task ValidateAsync_RowsWithoutSku_AreFoundByManufacturerAndPartNumberThenByUpc()
    {
        await fixture.ResetAsync();
        using var client = fixture.CreateClient();
        using var mirror = fixture.CreateMirror(client, AzuriteServer.UniqueName("xcatalog"));
        var sut = CreateCatalog(mirror, client);
        var inAll = fixture.SkusOf("in_all");
        var (byPart, byUpc, otherMaker) = (inAll[0], inAll[1], inAll[2]);
        CatalogItem[] rows =
        [
            NoSkuRow(2, Maker(byPart), Etilize(byPart).GetProperty("mpn").GetString(), upc: null),
            NoSkuRow(3, maker: null, Etilize(byUpc).GetProperty("mpn").GetString(), Etilize(byUpc).GetProperty("upc").GetString()),
            NoSkuRow(4, "Another Maker Inc.", Etilize(otherMaker).GetProperty("mpn").GetString(), upc: null),
        ];

        var result = await sut.ValidateAsync(rows, XorosoftValidationMode.Strict, CancellationToken.None);

        AssertHit(result[rows[0].LookupKey()], XorosoftMatchType.Mpn, 0.85m, byPart);
        AssertHit(result[rows[1].LookupKey()], XorosoftMatchType.Upc, 0.98m, byUpc);
        // A part number under another maker is not the same product.
        Assert.Equal(XorosoftValidation.NotFound, result[rows[2].LookupKey()].Validation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ValidateAsync_ItemAddedAfterTheMirrorSync_IsFoundLiveOnlyOnceTheMirrorMayBeStale(bool mayBeStale)
    {
        await fixture.ResetAsync();
        var tableName = AzuriteServer.UniqueName("xcatalog");
        using var client = fixture.CreateClient();
        using var mirror = fixture.CreateMirror(client, tableName);
        var sut = CreateCatalog(mirror, client, mayBeStale ? TimeSpan.Zero : TimeSpan.FromHours(1));
        // Another instance syncs (the syncing one keeps what it listed in memory), then the table forgets the item, as
        // a mirror synced before Xorosoft added it would not know it.
        using var syncing = fixture.CreateMirror(client, tableName);
        await syncing.SyncAsync();
        var known = fixture.SkusOf("in_all")[3];
        var table = await fixture.Storage.GetTableAsync(tableName);
        var rowKey = Sku.Normalize(known);
        using var deleted = await table.DeleteEntityAsync(XorosoftItemEntity.PartitionOf(rowKey), rowKey);
        Assert.Equal(204, deleted.Status);
        var requestsAfterSync = sut.RequestCount;

        var result = await sut.ValidateAsync([Row(known, null, null)], XorosoftValidationMode.Strict, CancellationToken.None);

        if (mayBeStale)
        {
            // Found live, so its stock too is asked for: the live product and its inventory.
            AssertHit(result[known], XorosoftMatchType.Exact, 1.00m, known);
            Assert.Equal(known, (await mirror.FindByItemNumberAsync(known))?.ItemNumber);
            Assert.Equal(requestsAfterSync + 2, sut.RequestCount);
        }
        else
        {
            Assert.Equal(XorosoftValidation.NotFound, result[known].Validation);
            Assert.Equal(requestsAfterSync, sut.RequestCount);
        }
    }

    [Fact]
    public async Task ValidateAsync_NearPartNumberAndSameTitle_IsAFuzzyHitOnlyInFuzzyMode()
    {
        using var client = fixture.CreateClient();
        using var mirror = fixture.CreateMirror(client, AzuriteServer.UniqueName("xcatalog"));
        var sut = CreateCatalog(mirror, client);
        var known = fixture.SkusOf("in_all")[4];
        var etilize = Etilize(known);
        var row = Row("ETZ-FUZZY", upc: null, mpn: etilize.GetProperty("mpn").GetString() + "-ZZ") with { Title = etilize.GetProperty("title").GetString() };

        var strict = await sut.ValidateAsync([row], XorosoftValidationMode.Strict, CancellationToken.None);
        var fuzzy = await sut.ValidateAsync([row], XorosoftValidationMode.Fuzzy, CancellationToken.None);

        Assert.Equal(XorosoftValidation.NotFound, strict["ETZ-FUZZY"].Validation);
        var validation = fuzzy["ETZ-FUZZY"].Validation;
        Assert.Equal((true, XorosoftMatchType.Fuzzy, known), (validation.Valid, validation.MatchType, validation.ItemNumber));
        Assert.InRange(validation.Confidence, 0.5m, MatchConfidence.WeakSignalMaximum);
        Assert.True(validation.IsKnownUnder(XorosoftValidationMode.Fuzzy));
        Assert.False(validation.IsKnownUnder(XorosoftValidationMode.Strict));
    }

    private static XorosoftCatalog CreateCatalog(XorosoftMirror mirror, XorosoftClient client, TimeSpan? liveLookupAfter = null) =>
        new(mirror, client, Microsoft.Extensions.Options.Options.Create(new XorosoftOptions { StockStore = "MAIN", LiveLookupAfter = liveLookupAfter ?? TimeSpan.FromHours(1) }),
            TimeProvider.System, NullLogger<XorosoftCatalog>.Instance);

    private void AssertHit(CowansSync.Orchestrations.Ports.XorosoftLookup lookup, XorosoftMatchType type, decimal confidence, string sku)
    {
        var truth = fixture.TruthOf(sku).GetProperty("xorosoft");
        Assert.Equal(new XorosoftValidation(true, type, confidence, sku), lookup.Validation);
        Assert.NotNull(lookup.Item);
        Assert.Equal(decimal.Parse(truth.GetProperty("price").GetString()!, CultureInfo.InvariantCulture), lookup.Item.Price);
        Assert.Equal(decimal.Parse(truth.GetProperty("cost").GetString()!, CultureInfo.InvariantCulture), lookup.Item.Cost);
        Assert.Equal(truth.GetProperty("stock").GetProperty("MAIN").GetInt32(), lookup.Item.Stock);
    }

    private JsonElement Etilize(string sku) => fixture.TruthOf(sku).GetProperty("etilize");

    // Xorosoft's vendor name as the product's maker is spelled with a legal suffix, which matching ignores.
    private string Maker(string sku) => $"{Etilize(sku).GetProperty("manufacturer").GetString()}, Inc.";

    private static CatalogItem NoSkuRow(int line, string? maker, string? mpn, string? upc) =>
        new() { Manufacturer = maker, ManufacturerPartNumber = mpn, Upc = upc, Title = "A row", SourceFile = "test.zip", SourceLine = line };

    private static CatalogItem Row(string sku, string? upc, string? mpn) =>
        new() { Sku = sku, Upc = upc, ManufacturerPartNumber = mpn, Title = "A row", SourceFile = "test.zip", SourceLine = 2 };
}

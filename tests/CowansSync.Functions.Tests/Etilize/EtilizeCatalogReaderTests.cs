using System.Text;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Etilize;

public sealed class EtilizeCatalogReaderTests
{
    private const string Header = "sku,title,description,manufacturer,mpn,upc,category,image_url,weight_lb,etilize_product_id";

    [Fact]
    public async Task ReadAsync_FlatRow_MapsEveryColumnTrimmed()
    {
        var zip = CatalogZip.Of(("cowans_catalog.csv",
            $"{Header}\r\n COS-1 , Paper ,<p>Bright</p>,Avery Dennison,AVE-1,072782000011,Copy Paper,https://content.etilize.com/Large/1.jpg,2.5,1\r\n"));

        var item = Assert.Single(await CatalogZip.Reader().ReadAllAsync(zip)).Item!;

        Assert.Equal(("COS-1", "Paper", "<p>Bright</p>", "Avery Dennison", "AVE-1", "072782000011", "Copy Paper"),
            (item.Sku, item.Title, item.DescriptionHtml, item.Manufacturer, item.ManufacturerPartNumber, item.Upc, item.Category));
        Assert.Equal(["https://content.etilize.com/Large/1.jpg"], item.Images);
        Assert.Equal(("cowans_catalog.csv", 2), (item.SourceFile, item.SourceLine));
    }

    [Fact]
    public async Task ReadAsync_ColumnsInAnyOrderAndCase_MapsThemByName()
    {
        var zip = CatalogZip.Of(("feed/catalog.CSV", "Title,Extra,SKU,Image_URL\r\nPens,ignored,COS-2,\r\n"));

        var item = Assert.Single(await CatalogZip.Reader().ReadAllAsync(zip)).Item!;

        Assert.Equal(("COS-2", "Pens", null), (item.Sku, item.Title, item.Manufacturer));
        Assert.Empty(item.Images);
    }

    [Fact]
    public async Task ReadAsync_Utf8WithBom_ReadsTheFirstColumnName()
    {
        var zip = CatalogZip.OfBytes(("cowans_catalog.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("sku,title\r\nCOS-3,Café ™\r\n")]));

        var item = Assert.Single(await CatalogZip.Reader().ReadAllAsync(zip)).Item!;

        Assert.Equal(("COS-3", "Café ™"), (item.Sku, item.Title));
    }

    [Fact]
    public async Task ReadAsync_Windows1252File_DecodesAccentsAndSymbols()
    {
        // "Café ® ™ €" and "Société BIC" as Windows-1252 writes them: é E9, ® AE, ™ 99, € 80.
        byte[] content = [.. "sku,title,manufacturer\r\nCOS-4,Caf"u8, 0xE9, .. " "u8, 0xAE, .. " "u8, 0x99, .. " "u8, 0x80, .. ",Soci"u8, 0xE9, .. "t"u8, 0xE9, .. " BIC\r\n"u8];
        var zip = CatalogZip.OfBytes(("cowans_catalog.csv", content));

        var item = Assert.Single(await CatalogZip.Reader().ReadAllAsync(zip)).Item!;

        Assert.Equal(("Café ® ™ €", "Société BIC"), (item.Title, item.Manufacturer));
    }

    [Fact]
    public async Task ReadAsync_QuotedMultiLineDescription_RoundTripsWithLfLineBreaks()
    {
        const string Description = "<p>Paper, \"bright\" white</p>\n<ul>\n  <li>500 sheets, 20 lb</li>\n</ul>";
        var quoted = $"\"{Description.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        var zip = CatalogZip.Of(("cowans_catalog.csv",
            $"sku,description\r\nCOS-5,{quoted}\r\nCOS-6,{quoted.Replace("\n", "\r\n", StringComparison.Ordinal)}\r\nCOS-7,plain\r\n"));

        var items = (await CatalogZip.Reader().ReadAllAsync(zip)).Select(r => r.Item!).ToList();

        Assert.Equal([Description, Description, "plain"], items.Select(i => i.DescriptionHtml));
        Assert.Equal([2, 6, 10], items.Select(i => i.SourceLine));
    }

    [Fact]
    public async Task ReadAsync_MalformedRows_ReportsFileAndLineAndReadsTheRest()
    {
        var zip = CatalogZip.Of(("cowans_catalog.csv", string.Join("\r\n",
            "sku,title,mpn",
            "COS-8,Good,M-8",
            ",No SKU,M-9",
            "COS-10,Too,many,fields",
            "COS-11,\"Broken\"quote,M-11",
            "COS-12,Short",
            "COS-13,Also good,M-13") + "\r\n"));

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        Assert.Equal(["COS-8", "COS-13"], rows.Where(r => r.Item is not null).Select(r => r.Item!.Sku));
        var errors = rows.Where(r => r.Error is not null).Select(r => r.Error!).ToList();
        Assert.Equal([3, 4, 5, 6], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("cowans_catalog.csv", e.File));
        Assert.Contains("'sku'", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("4 fields", errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("quote", errors[2].Reason, StringComparison.Ordinal);
        Assert.Equal([7], rows.Where(r => r.Item is not null).Skip(1).Select(r => r.Item!.SourceLine));
    }

    [Fact]
    public async Task ReadAsync_DuplicateSku_ReportsTheSecondAsAnError()
    {
        var zip = CatalogZip.Of(("cowans_catalog.csv", "sku,title\r\nCOS-14,First\r\n cos-14 ,Second\r\n"));

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        Assert.Equal("First", rows[0].Item!.Title);
        Assert.Equal(3, rows[1].Error!.Line);
        Assert.Contains("line 2", rows[1].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoKnownLayout_Refuses()
    {
        var zip = CatalogZip.Of(("readme.txt", "sku,title\r\n"), ("prices.csv", "item,price\r\nCOS-1,2.00\r\n"));

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => CatalogZip.Reader().ReadAllAsync(zip));

        Assert.Equal("unknown_layout", refusal.Reason);
        Assert.Contains("prices.csv", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuote_ReportsItsLineAfterTheRowsBefore()
    {
        var zip = CatalogZip.Of(("cowans_catalog.csv", "sku,title\r\nCOS-15,Good\r\nCOS-16,\"Never closed\r\nCOS-17,Swallowed\r\n"));

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        Assert.Equal(2, rows.Count);
        Assert.Equal("COS-15", rows[0].Item!.Sku);
        Assert.Equal(("cowans_catalog.csv", 3), (rows[1].Error!.File, rows[1].Error!.Line));
    }

    [Fact]
    public async Task ReadAsync_NotAZip_RefusesAsCorrupt()
    {
        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => CatalogZip.Reader().ReadAllAsync("sku,title\r\n"u8.ToArray()));

        Assert.Equal("corrupt_archive", refusal.Reason);
    }
}

using System.Text;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Etilize;

public sealed class EnhancedCatalogReaderTests
{
    private const string Stamp = "2026-11-01 00:00:00";

    [Fact]
    public async Task ReadAsync_EnhancedContent_JoinsTheFilesByProductId()
    {
        var zip = Enhanced(
            products: [$"10,1001,1,AVE-1,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["10,\"Paper, 8.5\"\" x 11\"\"\",1,2,1", "10,\"<p>One</p>\n<p>Two</p>\",0,1,1", "10,Subtitle,0,3,1"],
            skus: [$"10,Cowans Office Supplies, COS-20 ,1,{Stamp},", $"10,UPC,072782000011,1,{Stamp},", $"10,SP Richards,SPR-1,1,{Stamp},"]);

        var item = Assert.Single(await CatalogZip.Reader().ReadAllAsync(zip)).Item!;

        Assert.Equal(("COS-20", "Paper, 8.5\" x 11\"", "<p>One</p>\n<p>Two</p>", "Avery Dennison", "AVE-1", "072782000011", "Copy Paper"),
            (item.Sku, item.Title, item.DescriptionHtml, item.Manufacturer, item.ManufacturerPartNumber, item.Upc, item.Category));
        Assert.Equal(["https://content.etilize.com/Large/10.jpg"], item.Images);
        Assert.Equal(("EN_US_B_product.csv", 1), (item.SourceFile, item.SourceLine));
    }

    [Fact]
    public async Task ReadAsync_InactiveAndAccessoryProducts_AreSkippedWithoutErrors()
    {
        var zip = Enhanced(
            products: [$"11,1001,0,M-11,100,0,,{Stamp},{Stamp},{Stamp}", $"12,1001,1,M-12,100,1,,{Stamp},{Stamp},{Stamp}", $"13,1001,1,M-13,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["11,Inactive,1,2,1", "12,Accessory,1,2,1", "13,Active,1,2,1", "99,Unknown product,1,2,1"],
            skus: ["11,Cowans Office Supplies,COS-11,1,,", "12,Cowans Office Supplies,COS-12,1,,", "13,Cowans Office Supplies,COS-13,1,,", "99,Cowans Office Supplies,COS-99,1,,"]);

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        Assert.Equal(("COS-13", "Active"), (Assert.Single(rows).Item!.Sku, rows[0].Item!.Title));
    }

    [Fact]
    public async Task ReadAsync_BadRows_AreReportedWithFileAndLine()
    {
        var zip = Enhanced(
            products: [$"14,1001,1,M-14,100,0,,{Stamp},{Stamp},{Stamp}", "15,1001,1", $"16,9999,1,M-16,100,0,,{Stamp},{Stamp},{Stamp}", $"17,1001,1,M-17,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["14,Good,1,2,1"],
            skus: ["14,Cowans Office Supplies,COS-14,1,,", "16,UPC,12345,1,,", "17,Cowans Office Supplies,cos-14,1,,"]);

        var errors = (await CatalogZip.Reader().ReadAllAsync(zip)).Where(r => r.Error is not null).Select(r => r.Error!).ToList();

        Assert.Equal(
            [("EN_US_B_product.csv", 2), ("EN_US_B_product.csv", 3), ("EN_US_SKU_productskus.csv", 3)],
            errors.Select(e => (e.File, e.Line)));
        Assert.Contains("at least 6", errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal("The product 16 cannot be identified: it has no 'Cowans Office Supplies' or 'SP Richards' SKU in the productskus files, "
            + "no manufacturer for its part number (id '9999' is not in the manufacturer file), and its UPC '12345' is not a valid barcode.", errors[1].Reason);
        Assert.Contains("COS-14", errors[2].Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(new string[0], "COS-30", "SPR-31")]
    [InlineData(new[] { "SP Richards" }, "SPR-30", "SPR-31")]
    [InlineData(new[] { "Essendant", "Cowans Office Supplies" }, "ESS-30", null)]
    public async Task ReadAsync_DistributorNamedSkuRows_TheFirstSkuSourceAProductHasGivesItsSku(string[] skuSources, string? first, string? second)
    {
        var zip = Enhanced(
            products: [$"30,1001,1,AVE-30,100,0,,{Stamp},{Stamp},{Stamp}", $"31,1001,1,AVE-31,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["30,First,1,2,1", "31,Second,1,2,1"],
            skus: ["30,SP Richards,SPR-30,1,,", "30,UNSPSC,44121600,1,,", "30,Essendant,ESS-30,1,,", "30,Cowans Office Supplies,COS-30,1,,", "31,SP Richards,SPR-31,1,,", "31,UNSPSC,44121600,1,,"]);

        var rows = await CatalogZip.Reader(skuSources).ReadAllAsync(zip);

        Assert.Equal([("First", first), ("Second", second)], rows.Select(r => (r.Item!.Title, r.Item.Sku)));
    }

    [Fact]
    public async Task ReadAsync_NoSkuRowTheRetailerUses_IsKnownByManufacturerAndPartNumberElseByUpc()
    {
        var zip = Enhanced(
            products: [$"32,1001,1,AVE-32,100,0,,{Stamp},{Stamp},{Stamp}", $"33,1001,1,,100,0,,{Stamp},{Stamp},{Stamp}", $"34,9999,1,AVE-34,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["32,By part number,1,2,1", "33,By barcode,1,2,1", "34,By barcode with an unknown maker,1,2,1"],
            skus: ["32,UNSPSC,44121600,1,,", "33,UPC,072782000011,1,,", "34,UPC,072782000028,1,,"]);

        var items = (await CatalogZip.Reader().ReadAllAsync(zip)).Select(r => r.Item!).ToList();

        Assert.Equal(
            [(null, "Avery Dennison", "AVE-32", null), (null, "Avery Dennison", null, "072782000011"), (null, null, "AVE-34", "072782000028")],
            items.Select(i => (i.Sku, i.Manufacturer, i.ManufacturerPartNumber, i.Upc)));
        Assert.Equal(["Avery Dennison part AVE-32", "UPC 072782000011", "part AVE-34"], items.Select(i => i.Identity()));
    }

    [Fact]
    public async Task ReadAsync_ProductWithoutAnyIdentifier_FailsNamingEachItLacks()
    {
        var zip = Enhanced(
            products: [$"35,1001,1,,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["35,Nothing to know it by,1,2,1"],
            skus: ["35,UNSPSC,44121600,1,,"]);

        var row = Assert.Single(await CatalogZip.Reader("Cowans Office Supplies").ReadAllAsync(zip));

        Assert.Equal(new CatalogRowError("EN_US_B_product.csv", 1,
            "The product 35 cannot be identified: it has no 'Cowans Office Supplies' SKU in the productskus files, no manufacturer part number, and no 'UPC' row."), row.Error);
    }

    [Fact]
    public async Task ReadAsync_OneFileInWindows1252_DecodesThatFileAlone()
    {
        byte[] manufacturers = [.. "1005,Soci"u8, 0xE9, .. "t"u8, 0xE9, .. " BIC,,,,,,,,US,,\r\n"u8];
        var zip = CatalogZip.OfBytes(
            ("EN_US_B_product.csv", Encoding.UTF8.GetBytes($"18,1005,1,BIC-1,100,0,,{Stamp},{Stamp},{Stamp}\r\n")),
            ("EN_US_B_productdescriptions.csv", "18,Crystal® Pens ™,1,2,1\r\n"u8.ToArray()),
            ("EN_US_SKU_productskus.csv", "18,Cowans Office Supplies,COS-18,1,,\r\n"u8.ToArray()),
            ("G_manufacturer.csv", manufacturers));

        var item = Assert.Single(await CatalogZip.Reader().ReadAllAsync(zip)).Item!;

        Assert.Equal(("Crystal® Pens ™", "Société BIC", null), (item.Title, item.Manufacturer, item.Category));
    }

    [Fact]
    public async Task ReadAsync_ProductFileWithoutSkuFile_RefusesAsUnknownLayout()
    {
        var zip = CatalogZip.Of(("EN_US_B_product.csv", "1,1001,1,M,100,0\r\n"), ("EN_US_B_productdescriptions.csv", "1,T,1,2,1\r\n"));

        var refusal = await Assert.ThrowsAsync<CatalogFileRefusedException>(() => CatalogZip.Reader().ReadAllAsync(zip));

        Assert.Equal("unknown_layout", refusal.Reason);
    }

    private static byte[] Enhanced(string[] products, string[] descriptions, string[] skus) => CatalogZip.Of(
        ("EN_US_B_product.csv", Csv(products)),
        ("EN_US_B_productdescriptions.csv", Csv(descriptions)),
        ("EN_US_SKU_productskus.csv", Csv(skus)),
        ("G_manufacturer.csv", Csv([$"1001,Avery Dennison,,,,,,,,US,,{Stamp}"])),
        ("EN_US_categorynames.csv", Csv(["100,Copy Paper,1"])));

    private static string Csv(string[] rows) => string.Join("\r\n", rows) + "\r\n";
}

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
            products: [$"14,1001,1,M-14,100,0,,{Stamp},{Stamp},{Stamp}", "15,1001,1", $"16,1001,1,M-16,100,0,,{Stamp},{Stamp},{Stamp}", $"17,1001,1,M-17,100,0,,{Stamp},{Stamp},{Stamp}"],
            descriptions: ["14,Good,1,2,1"],
            skus: ["14,Cowans Office Supplies,COS-14,1,,", "16,UPC,000000000000,1,,", "17,Cowans Office Supplies,cos-14,1,,"]);

        var errors = (await CatalogZip.Reader().ReadAllAsync(zip)).Where(r => r.Error is not null).Select(r => r.Error!).ToList();

        Assert.Equal(
            [("EN_US_B_product.csv", 2), ("EN_US_B_product.csv", 3), ("EN_US_SKU_productskus.csv", 3)],
            errors.Select(e => (e.File, e.Line)));
        Assert.Contains("at least 6", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("Cowans Office Supplies", errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("COS-14", errors[2].Reason, StringComparison.OrdinalIgnoreCase);
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

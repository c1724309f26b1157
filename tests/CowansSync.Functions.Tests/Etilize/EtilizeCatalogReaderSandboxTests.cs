using System.Text.Json;

namespace CowansSync.Functions.Tests.Etilize;

/// <summary>The reader against the ZIPs the sandbox generates, checked against its truth and its Shopify store.</summary>
public sealed class EtilizeCatalogReaderSandboxTests(CatalogSandboxes sandboxes) : IClassFixture<CatalogSandboxes>
{
    [Theory]
    [InlineData("flat")]
    [InlineData("enhanced")]
    public async Task ReadAsync_SandboxZip_ReadsEveryEtilizeSkuWithTheTruthsValues(string layout)
    {
        var truth = (await sandboxes.TruthAsync(layout)).GetProperty("skus");
        await using var zip = sandboxes.OpenZip(layout);

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        Assert.Empty(rows.Where(r => r.Error is not null).Select(r => r.Error));
        var items = rows.Select(r => r.Item!).ToDictionary(i => i.Sku);
        var expected = truth.EnumerateObject().Where(s => s.Value.GetProperty("etilize").ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(expected.Select(s => s.Name).Order(StringComparer.Ordinal), items.Keys.Order(StringComparer.Ordinal));
        foreach (var sku in expected)
        {
            var etilize = sku.Value.GetProperty("etilize");
            var item = items[sku.Name];
            Assert.Equal(
                (Text(etilize, "title"), Text(etilize, "description_html"), Text(etilize, "manufacturer"), Text(etilize, "mpn"), Text(etilize, "upc"), Text(etilize, "category")),
                (item.Title, item.DescriptionHtml, item.Manufacturer, item.ManufacturerPartNumber, item.Upc, item.Category));
            Assert.Equal([ImageOf(sku.Name)], item.Images);
        }
    }

    [Fact]
    public async Task ReadAsync_EnhancedSandboxZip_SkipsInactiveAndAccessoryProducts()
    {
        await using var zip = sandboxes.OpenZip("enhanced");

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        // The sandbox adds COS-X0.. as inactive and accessory copies (two in a hundred products).
        Assert.Equal(200 * 9 / 10, rows.Count);
        Assert.DoesNotContain(rows, r => r.Item?.Sku.StartsWith("COS-X", StringComparison.Ordinal) ?? true);
    }

    [Theory]
    [InlineData("flat")]
    [InlineData("enhanced")]
    public async Task ReadAsync_SandboxZip_EqualsShopifyForProductsWithoutAPlantedDifference(string layout)
    {
        var truth = (await sandboxes.TruthAsync(layout)).GetProperty("skus");
        await using var zip = sandboxes.OpenZip(layout);
        var items = (await CatalogZip.Reader().ReadAllAsync(zip)).Select(r => r.Item!).ToDictionary(i => i.Sku);
        var unchanged = truth.EnumerateObject()
            .Where(s => s.Value.GetProperty("partition").GetString() == "in_all" && s.Value.GetProperty("difference").ValueKind == JsonValueKind.Null)
            .Select(s => s.Name).ToList();
        using var http = new HttpClient();

        Assert.NotEmpty(unchanged);
        foreach (var sku in unchanged)
        {
            var product = await sandboxes.ShopifyProductAsync(http, layout, sku);
            var item = items[sku];
            Assert.Equal(
                (Text(product, "title"), Text(product, "body_html"), Text(product, "vendor"), Text(product, "product_type"), Text(product.GetProperty("variants")[0], "barcode")),
                (item.Title, item.DescriptionHtml, item.Manufacturer, item.Category, item.Upc));
            Assert.Equal(product.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("src").GetString()), item.Images);
        }
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    // The generator's product n has SKU COS-(100000 + n) and Etilize product id 2000000 + n, and Etilize serves its images by id.
    private static string ImageOf(string sku) => $"https://content.etilize.com/Large/{2000000 + (int.Parse(sku["COS-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 100000)}.jpg";
}

using CowansSync.Orchestrations.Domain.Products;
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
        var items = rows.Select(r => r.Item!).ToList();
        var expected = truth.EnumerateObject().Where(s => s.Value.GetProperty("etilize").ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(expected.Count, items.Count);
        foreach (var sku in expected)
        {
            var etilize = sku.Value.GetProperty("etilize");
            var item = Assert.Single(items, ItemOf(sku.Name, etilize));
            Assert.Equal(
                (Text(etilize, "title"), Text(etilize, "description_html"), Text(etilize, "manufacturer"), Text(etilize, "mpn"), Text(etilize, "upc"), Text(etilize, "category")),
                (item.Title, item.DescriptionHtml, item.Manufacturer, item.ManufacturerPartNumber, item.Upc, item.Category));
            Assert.Equal([ImageOf(sku.Name)], item.Images);
        }
    }

    [Fact]
    public async Task ReadAsync_EnhancedSandboxZip_GivesTheRetailerSkuElseTheDistributorsElseNoneForProductsKnownByPartNumberOrUpc()
    {
        var truth = (await sandboxes.TruthAsync("enhanced")).GetProperty("skus");
        await using var zip = sandboxes.OpenZip("enhanced");

        var items = (await CatalogZip.Reader().ReadAllAsync(zip)).Select(r => r.Item!).ToList();

        var identities = truth.EnumerateObject()
            .Where(s => s.Value.GetProperty("etilize").ValueKind == JsonValueKind.Object)
            .GroupBy(s => Text(s.Value.GetProperty("etilize"), "identity")!)
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(["mpn", "retailer", "sp_richards", "upc"], identities.Keys.Order(StringComparer.Ordinal));
        foreach (var sku in identities["retailer"].Concat(identities["sp_richards"]))
        {
            Assert.Contains(items, i => i.Sku == sku.Name);
        }

        foreach (var sku in identities["mpn"].Concat(identities["upc"]))
        {
            var item = Assert.Single(items, ItemOf(sku.Name, sku.Value.GetProperty("etilize")));
            Assert.Null(item.Sku);
        }
    }

    [Fact]
    public async Task ReadAsync_EnhancedSandboxZip_SkipsInactiveAndAccessoryProducts()
    {
        await using var zip = sandboxes.OpenZip("enhanced");

        var rows = await CatalogZip.Reader().ReadAllAsync(zip);

        // The sandbox adds COS-X0.. as inactive and accessory copies (two in a hundred products).
        Assert.Equal(200 * 9 / 10, rows.Count);
        Assert.DoesNotContain(rows, r => r.Item is null || (r.Item.Sku?.StartsWith("COS-X", StringComparison.Ordinal) ?? false));
    }

    [Theory]
    [InlineData("flat")]
    [InlineData("enhanced")]
    public async Task ReadAsync_SandboxZip_EqualsShopifyForProductsWithoutAPlantedDifference(string layout)
    {
        var truth = (await sandboxes.TruthAsync(layout)).GetProperty("skus");
        await using var zip = sandboxes.OpenZip(layout);
        var items = (await CatalogZip.Reader().ReadAllAsync(zip)).Select(r => r.Item!).ToList();
        var unchanged = truth.EnumerateObject()
            .Where(s => s.Value.GetProperty("partition").GetString() == "in_all" && s.Value.GetProperty("difference").ValueKind == JsonValueKind.Null)
            .Select(s => s.Name).ToList();
        using var http = new HttpClient();

        Assert.NotEmpty(unchanged);
        foreach (var sku in unchanged)
        {
            var product = await sandboxes.ShopifyProductAsync(http, layout, sku);
            var item = Assert.Single(items, ItemOf(sku, truth.GetProperty(sku).GetProperty("etilize")));
            Assert.Equal(
                (Text(product, "title"), Text(product, "body_html"), Text(product, "vendor"), Text(product, "product_type"), Text(product.GetProperty("variants")[0], "barcode")),
                (item.Title, item.DescriptionHtml, item.Manufacturer, item.Category, item.Upc));
            Assert.Equal(product.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("src").GetString()), item.Images);
        }
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    // A row is found by its SKU, or, for a product the feed names by no SKU the retailer uses, by its part number or barcode.
    private static Predicate<CatalogItem> ItemOf(string sku, JsonElement etilize) => Text(etilize, "identity") switch
    {
        "mpn" => item => item.Sku is null && item.ManufacturerPartNumber == Text(etilize, "mpn"),
        "upc" => item => item.Sku is null && item.ManufacturerPartNumber is null && item.Upc == Text(etilize, "upc"),
        _ => item => item.Sku == sku,
    };

    // The generator's product n has SKU COS-(100000 + n) and Etilize product id 2000000 + n, and Etilize serves its images by id.
    private static string ImageOf(string sku) => $"https://content.etilize.com/Large/{2000000 + (int.Parse(sku["COS-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 100000)}.jpg";
}

using System.Globalization;
using System.Text.Json;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>The store lookup against the Shopify simulator: mapping equals the sandbox truth, few requests, faults survived.</summary>
public sealed class ShopifyCatalogTests(ShopifySandboxFixture fixture) : IClassFixture<ShopifySandboxFixture>
{
    private static readonly string[] s_inStore = ["in_all", "shopify_only"];

    [Fact]
    public async Task FindAsync_EveryStoreSku_MapsWhatTheTruthSays()
    {
        // Arrange
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        var storeSkus = Skus(truth, s_inStore);
        var sut = fixture.CreateCatalog();

        // Act
        var found = (await sut.FindAsync(storeSkus, [], CancellationToken.None)).ToDictionary(product => product.Sku.Original, StringComparer.Ordinal);

        // Assert
        Assert.Equal(storeSkus.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        foreach (var sku in storeSkus)
        {
            var expected = truth.GetProperty(sku);
            var product = found[sku];
            var shopify = expected.GetProperty("shopify");
            Assert.Equal(Money(shopify.GetProperty("price")), product.Price);
            Assert.Equal(shopify.GetProperty("inventory_quantity").GetInt32(), product.InventoryQuantity);
            Assert.Equal(shopify.GetProperty("description_html").GetString(), product.DescriptionHtml);
            Assert.Equal(ProductStatus.Active, product.Status);
            Assert.Equal(sku.ToLowerInvariant(), product.Handle);
            Assert.StartsWith("gid://shopify/Product/", product.ShopifyProductId, StringComparison.Ordinal);
            Assert.StartsWith("gid://shopify/ProductVariant/", product.ShopifyVariantId, StringComparison.Ordinal);
            Assert.StartsWith("gid://shopify/InventoryItem/", product.ShopifyInventoryItemId, StringComparison.Ordinal);
            Assert.True(product.Weight > 0, $"{sku} has no weight");
            var index = int.Parse(sku["COS-".Length..], CultureInfo.InvariantCulture) - 100000;
            Assert.Equal([$"https://content.etilize.com/Large/{2000000 + index}.jpg"], product.Images);
            Assert.Empty(product.Metafields);
            if (expected.GetProperty("partition").GetString() == "in_all" && expected.GetProperty("difference").ValueKind == JsonValueKind.Null)
            {
                AssertImportOwnedFieldsEqual(expected, product);
            }
        }
    }

    [Fact]
    public async Task FindAsync_HundredSkusAndHundredBarcodes_CostsTwoRequests()
    {
        // Arrange
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        var skus = Skus(truth, ["in_all"]).Take(100).ToList();
        var barcodes = skus.Select(sku => truth.GetProperty(sku).GetProperty("etilize").GetProperty("upc").GetString()!).ToList();
        var sut = fixture.CreateCatalog();
        var requestsBefore = (await fixture.CountersAsync()).GetProperty("requests").GetInt32();
        var clientRequestsBefore = fixture.Client.Counters.Requests;

        // Act
        var found = await sut.FindAsync(skus, barcodes, CancellationToken.None);

        // Assert
        Assert.Equal(100, found.Count);
        Assert.Equal(100, found.Select(product => product.ShopifyProductId).Distinct(StringComparer.Ordinal).Count());
        var requests = (await fixture.CountersAsync()).GetProperty("requests").GetInt32() - requestsBefore;
        Assert.Equal(2, requests);
        Assert.Equal(2, fixture.Client.Counters.Requests - clientRequestsBefore);
    }

    [Fact]
    public async Task FindAsync_SkusAndBarcodesNotInTheStore_FindsNothing()
    {
        // Arrange
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        var absent = Skus(truth, ["new_in_etilize", "unknown_to_xorosoft"]);
        var barcodes = absent.Select(sku => truth.GetProperty(sku).GetProperty("etilize").GetProperty("upc").GetString()!).ToList();
        var sut = fixture.CreateCatalog();

        // Act
        var found = await sut.FindAsync([.. absent, "NOPE-1", "COS-1000"], [.. barcodes, "000000000000"], CancellationToken.None);

        // Assert
        Assert.Empty(found);
    }

    [Fact]
    public async Task FindAsync_SkuAndBarcodeOfOneProduct_ReturnsItOnce()
    {
        var truth = (await fixture.TruthAsync()).GetProperty("skus");
        var sku = Skus(truth, ["in_all"])[0];
        var upc = truth.GetProperty(sku).GetProperty("etilize").GetProperty("upc").GetString()!;
        var sut = fixture.CreateCatalog();

        var found = await sut.FindAsync([sku, $" {sku.ToLowerInvariant()} "], [upc], CancellationToken.None);

        Assert.Equal(sku, Assert.Single(found).Sku.Original);
    }

    private static void AssertImportOwnedFieldsEqual(JsonElement expected, Product product)
    {
        var etilize = expected.GetProperty("etilize");
        var xorosoft = expected.GetProperty("xorosoft");
        Assert.Equal(etilize.GetProperty("title").GetString(), product.Title);
        Assert.Equal(etilize.GetProperty("description_html").GetString(), product.DescriptionHtml);
        Assert.Equal(etilize.GetProperty("manufacturer").GetString(), product.Manufacturer);
        Assert.Equal(etilize.GetProperty("mpn").GetString(), product.ManufacturerPartNumber);
        Assert.Equal(etilize.GetProperty("upc").GetString(), product.Upc);
        Assert.Equal(etilize.GetProperty("category").GetString(), product.ProductType);
        Assert.Equal(Money(xorosoft.GetProperty("price")), product.Price);
        Assert.Equal(Money(xorosoft.GetProperty("cost")), product.Cost);
        Assert.Equal(xorosoft.GetProperty("stock").GetProperty("MAIN").GetInt32(), product.InventoryQuantity);
    }

    private static List<string> Skus(JsonElement truth, string[] partitions) =>
        [.. truth.EnumerateObject().Where(sku => partitions.Contains(sku.Value.GetProperty("partition").GetString())).Select(sku => sku.Name)];

    private static decimal Money(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDecimal();
}

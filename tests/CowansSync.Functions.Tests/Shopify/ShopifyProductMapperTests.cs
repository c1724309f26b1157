using CowansSync.Functions.Shopify;
using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Functions.Tests.Shopify;

public sealed class ShopifyProductMapperTests
{
    [Fact]
    public void Map_PoundsAndMpnMetafield_KilogramsAndPartNumber()
    {
        var node = Node(new WeightNode("POUNDS", 10m), new MetafieldNode("AVE-123"));

        var mapped = ShopifyProductMapper.Map(node)!.Product;

        Assert.Equal(4.5359237m, mapped.Weight);
        Assert.Equal("AVE-123", mapped.ManufacturerPartNumber);
        Assert.Empty(mapped.Metafields);
        Assert.Empty(mapped.Collections);
        Assert.Equal(ProductStatus.Archived, mapped.Status);
        Assert.Equal(12.3m, mapped.Price);
    }

    [Fact]
    public void Map_FirstVariantWithoutSku_Null()
    {
        var node = Node(null, null) with { Variants = new([new VariantNode("gid://shopify/ProductVariant/1", " ", 1m, null, null, 0, null)]) };

        Assert.Null(ShopifyProductMapper.Map(node));
    }

    [Fact]
    public void Map_MoreMediaThanRead_FirstThreeInPositionOrderImagesOnly()
    {
        var node = Node(null, null) with
        {
            Media = new([new MediaNode(new ImageNode("https://x/b.jpg")), new MediaNode(null), new MediaNode(new ImageNode("https://x/a.jpg")), new MediaNode(new ImageNode("https://x/c.jpg"))]),
        };

        var mapped = ShopifyProductMapper.Map(node)!.Product;

        Assert.Equal(["https://x/b.jpg", "https://x/a.jpg"], mapped.Images);
        Assert.Null(mapped.ManufacturerPartNumber);
    }

    private static ProductNode Node(WeightNode? weight, MetafieldNode? partNumber) => new(
        "gid://shopify/Product/1", "cos-1", "Title", "<p>x</p>", "Avery", "Labels", ["a"], "ARCHIVED", DateTimeOffset.UnixEpoch,
        new([new VariantNode("gid://shopify/ProductVariant/1", "COS-1", 12.30m, null, "0001", 3,
            new InventoryItemNode("gid://shopify/InventoryItem/1", new MoneyNode(5m), new MeasurementNode(weight)))]),
        new([new MediaNode(new ImageNode("https://x/1.jpg")), new MediaNode(null)]),
        partNumber);
}

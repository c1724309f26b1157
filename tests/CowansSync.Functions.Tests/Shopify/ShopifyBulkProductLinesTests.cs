using CowansSync.Functions.Shopify;

namespace CowansSync.Functions.Tests.Shopify;

public sealed class ShopifyBulkProductLinesTests
{
    [Fact]
    public async Task ReadAsync_ProductsWithChildLines_JoinedFirstVariantAndThreeMediaInOrder()
    {
        var jsonl = string.Join('\n',
            """{"id":"gid://shopify/Product/1","title":"One","metafield":{"value":"MPN-1"},"updatedAt":"2026-01-01T00:00:00Z"}""",
            """{"id":"gid://shopify/ProductVariant/1","sku":"COS-1","price":"1.50","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/ProductVariant/2","sku":"COS-1-B","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/MediaImage/1","image":{"url":"https://x/b.jpg"},"__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/Video/1","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/MediaImage/2","image":{"url":"https://x/a.jpg"},"__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/MediaImage/3","image":{"url":"https://x/c.jpg"},"__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/Product/2","title":"Two","metafield":null,"updatedAt":"2026-01-01T00:00:00Z"}""",
            "");

        var products = await ReadAllAsync(jsonl);

        Assert.Equal(["gid://shopify/Product/1", "gid://shopify/Product/2"], products.Select(product => product.Id));
        var first = ShopifyProductMapper.Map(products[0])!.Product;
        Assert.Equal("COS-1", first.Sku.Original);
        Assert.Equal(1.50m, first.Price);
        Assert.Equal("MPN-1", first.ManufacturerPartNumber);
        Assert.Equal(["https://x/b.jpg", "https://x/a.jpg"], first.Images);
        Assert.Null(ShopifyProductMapper.Map(products[1]));
    }

    [Fact]
    public async Task ReadAsync_CollectionLines_JoinedAsHandlesAndNotCountedAsMedia()
    {
        var jsonl = string.Join('\n',
            """{"id":"gid://shopify/Product/1","updatedAt":"2026-01-01T00:00:00Z"}""",
            """{"id":"gid://shopify/ProductVariant/1","sku":"COS-1","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/Collection/1","handle":"printers","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/Collection/2","handle":"sale","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/Collection/3","handle":"new","__parentId":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/MediaImage/1","image":{"url":"https://x/a.jpg"},"__parentId":"gid://shopify/Product/1"}""");

        var products = await ReadAllAsync(jsonl);

        var product = ShopifyProductMapper.Map(Assert.Single(products))!.Product;
        Assert.Equal(["printers", "sale", "new"], product.Collections);
        Assert.Equal(["https://x/a.jpg"], product.Images);
    }

    [Fact]
    public async Task ReadAsync_ChildAwayFromItsProduct_ThrowsNamingTheLine()
    {
        var jsonl = string.Join('\n',
            """{"id":"gid://shopify/Product/1"}""",
            """{"id":"gid://shopify/Product/2"}""",
            """{"id":"gid://shopify/ProductVariant/1","sku":"COS-1","__parentId":"gid://shopify/Product/1"}""");

        var error = await Assert.ThrowsAsync<ShopifyBulkOperationException>(() => ReadAllAsync(jsonl));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LineNotJson_ThrowsNamingTheLine()
    {
        var error = await Assert.ThrowsAsync<ShopifyBulkOperationException>(() => ReadAllAsync("""{"id":"gid://shopify/Product/1"}""" + "\n{oops"));

        Assert.Contains("line 2 is not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EndlessFile_YieldsEachProductBeforeReadingOn()
    {
        using var reader = new EndlessProducts();

        var read = 0;
        await foreach (var product in ShopifyBulkProductLines.ReadAsync(reader, CancellationToken.None))
        {
            Assert.Equal($"gid://shopify/Product/{++read}", product.Id);
            if (read == 1000)
            {
                break;
            }
        }

        Assert.Equal(1000, read);
        Assert.Equal(1001, reader.LinesRead);
    }

    private static async Task<List<ProductNode>> ReadAllAsync(string jsonl)
    {
        using var reader = new StringReader(jsonl);
        var products = new List<ProductNode>();
        await foreach (var product in ShopifyBulkProductLines.ReadAsync(reader, CancellationToken.None))
        {
            products.Add(product);
        }

        return products;
    }

    /// <summary>A result file that never ends: one product line after another.</summary>
    private sealed class EndlessProducts : TextReader
    {
        public int LinesRead { get; private set; }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>($$$"""{"id":"gid://shopify/Product/{{{++LinesRead}}}"}""");
    }
}

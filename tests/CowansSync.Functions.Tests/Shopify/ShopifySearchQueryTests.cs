using CowansSync.Functions.Shopify;

namespace CowansSync.Functions.Tests.Shopify;

public sealed class ShopifySearchQueryTests
{
    [Fact]
    public void Chunks_SkusAndBarcodes_InterleavesQuotesAndDeduplicates()
    {
        var chunks = ShopifySearchQuery.Chunks(["COS-1", " cos-1 ", "COS-2", ""], ["0001", "0001 ", "0002"]);

        Assert.Equal(["sku:\"COS-1\" OR barcode:\"0001\" OR sku:\"COS-2\" OR barcode:\"0002\""], chunks);
    }

    [Fact]
    public void Chunks_HundredSkusAndHundredBarcodes_TwoChunksOfHundredTerms()
    {
        var skus = Enumerable.Range(0, 100).Select(n => $"COS-{n}").ToList();
        var barcodes = Enumerable.Range(0, 100).Select(n => $"{n:D12}").ToList();

        var chunks = ShopifySearchQuery.Chunks(skus, barcodes);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, chunk => Assert.Equal(ShopifySearchQuery.MaxTerms, chunk.Split(" OR ").Length));
        Assert.StartsWith("sku:\"COS-0\" OR barcode:\"000000000000\" OR sku:\"COS-1\"", chunks[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Chunks_LongValues_StayUnderTheLengthLimit()
    {
        var skus = Enumerable.Range(0, 40).Select(n => $"{n}-{new string('X', 200)}").ToList();

        var chunks = ShopifySearchQuery.Chunks(skus, []);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.True(chunk.Length <= ShopifySearchQuery.MaxLength, $"{chunk.Length} characters"));
        Assert.Equal(40, chunks.Sum(chunk => chunk.Split(" OR ").Length));
    }

    [Fact]
    public void Term_QuoteAndBackslash_AreEscaped()
    {
        Assert.Equal("sku:\"A\\\"B\\\\C\"", ShopifySearchQuery.Term("sku", "A\"B\\C"));
    }
}

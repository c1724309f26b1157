using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Builders;

/// <summary>Builds a typical, fully populated product; tests change only what they are about.</summary>
internal sealed class ProductBuilder
{
    private Product _product = new()
    {
        Sku = Sku.Parse("AVE-5160"),
        Title = "Avery Easy Peel Address Labels, 1 x 2-5/8, White, 3000/Box",
        DescriptionHtml = "<p>Address labels for laser printers.</p>",
        Manufacturer = "Avery Products Corporation",
        ManufacturerPartNumber = "05160",
        Upc = "072782051600",
        ProductType = "Labels",
        Tags = ["labels", "mailing"],
        Price = 29.99m,
        CompareAtPrice = 34.99m,
        Cost = 18.50m,
        InventoryQuantity = 100,
        Weight = 1.2m,
        Images = ["https://cdn.example.com/ave5160-1.jpg"],
        Collections = ["labels"],
        Metafields = new Dictionary<string, string> { ["specs.color"] = "White", ["specs.count"] = "3000" },
        Status = ProductStatus.Active,
        Handle = "avery-5160-address-labels",
        ShopifyProductId = "gid://shopify/Product/1001",
        ShopifyVariantId = "gid://shopify/ProductVariant/2001",
        ShopifyInventoryItemId = "gid://shopify/InventoryItem/3001",
    };

    public ProductBuilder WithSku(string sku) => With(p => p with { Sku = Sku.Parse(sku) });

    public ProductBuilder WithTitle(string? title) => With(p => p with { Title = title });

    public ProductBuilder WithDescription(string? html) => With(p => p with { DescriptionHtml = html });

    public ProductBuilder WithManufacturer(string? manufacturer) => With(p => p with { Manufacturer = manufacturer });

    public ProductBuilder WithPartNumber(string? partNumber) => With(p => p with { ManufacturerPartNumber = partNumber });

    public ProductBuilder WithUpc(string? upc) => With(p => p with { Upc = upc });

    public ProductBuilder WithPrice(decimal? price) => With(p => p with { Price = price });

    public ProductBuilder WithCost(decimal? cost) => With(p => p with { Cost = cost });

    public ProductBuilder WithInventory(int? quantity) => With(p => p with { InventoryQuantity = quantity });

    public ProductBuilder WithTags(params string[] tags) => With(p => p with { Tags = tags });

    public ProductBuilder WithStatus(ProductStatus status) => With(p => p with { Status = status });

    public ProductBuilder WithFieldSource(ProductField field, SourceSystem source)
        => With(p => p.WithFieldSources([field.Name], new FieldProvenance(source, new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero))));

    public ProductBuilder With(Func<Product, Product> change)
    {
        _product = change(_product);
        return this;
    }

    public Product Build() => _product;
}

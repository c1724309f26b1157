using CowansSync.Orchestrations.Domain.Products;

namespace CowansSync.Orchestrations.Tests.Domain.Builders;

/// <summary>Builds an Etilize row for the product <see cref="ProductBuilder"/> builds by default.</summary>
internal sealed class CatalogItemBuilder
{
    private CatalogItem _item = new()
    {
        Sku = "AVE-5160",
        Title = "Avery Easy Peel Address Labels, 1 x 2-5/8, White, 3000/Box",
        DescriptionHtml = "<p>Address labels for laser printers.</p>",
        Manufacturer = "Avery Products Corporation",
        ManufacturerPartNumber = "05160",
        Upc = "072782051600",
        Category = "Labels",
        Images = ["https://cdn.example.com/ave5160-1.jpg"],
        SourceFile = "catalog.csv",
        SourceLine = 2,
    };

    public CatalogItemBuilder WithSku(string sku) => With(i => i with { Sku = sku });

    public CatalogItemBuilder WithTitle(string? title) => With(i => i with { Title = title });

    public CatalogItemBuilder WithManufacturer(string? manufacturer) => With(i => i with { Manufacturer = manufacturer });

    public CatalogItemBuilder WithPartNumber(string? partNumber) => With(i => i with { ManufacturerPartNumber = partNumber });

    public CatalogItemBuilder WithUpc(string? upc) => With(i => i with { Upc = upc });

    public CatalogItemBuilder WithXorosoft(decimal? price, decimal? cost, int? quantity)
        => With(i => i with { Price = price, Cost = cost, Quantity = quantity });

    public CatalogItemBuilder With(Func<CatalogItem, CatalogItem> change)
    {
        _item = change(_item);
        return this;
    }

    public CatalogItem Build() => _item;
}

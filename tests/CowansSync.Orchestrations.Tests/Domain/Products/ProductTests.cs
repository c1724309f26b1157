using System.Text.Json;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Tests.Domain.Builders;

namespace CowansSync.Orchestrations.Tests.Domain.Products;

public sealed class ProductTests
{
    [Fact]
    public void Serialize_Product_ApiFieldNamesAndRoundTrip()
    {
        // Arrange
        var sut = new ProductBuilder().WithSku("Ave-5160").WithFieldSource(ProductFields.Price, SourceSystem.Xorosoft).Build();

        // Act
        var json = JsonSerializer.Serialize(sut, DomainJson.Options);
        var back = JsonSerializer.Deserialize<Product>(json, DomainJson.Options)!;

        // Assert
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("Ave-5160", root.GetProperty("sku").GetString());
        Assert.Equal("active", root.GetProperty("status").GetString());
        Assert.Equal("xorosoft", root.GetProperty("field_sources").GetProperty("price").GetProperty("source").GetString());
        Assert.All(ProductFields.All, field => Assert.True(root.TryGetProperty(field.Name, out _), field.Name));
        Assert.Equal(json, JsonSerializer.Serialize(back, DomainJson.Options));
    }

    [Fact]
    public void WithFieldSources_RecordsSourceForEachField_KeepsOthers()
    {
        // Arrange
        var earlier = new FieldProvenance(SourceSystem.Etilize, DateTimeOffset.UnixEpoch);
        var later = new FieldProvenance(SourceSystem.Xorosoft, DateTimeOffset.UnixEpoch.AddDays(1));
        var sut = new ProductBuilder().Build().WithFieldSources(["title", "price"], earlier);

        // Act
        var updated = sut.WithFieldSources(["price"], later);

        // Assert
        Assert.Equal(earlier, updated.FieldSources["title"]);
        Assert.Equal(later, updated.FieldSources["price"]);
        Assert.Equal(earlier, sut.FieldSources["price"]);
    }
}

using System.Net;
using System.Text.Json;
using CowansSync.Functions.Products;
using CowansSync.Functions.Tests.Infrastructure;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Orchestrations.Domain.Versions;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CowansSync.Functions.Tests.Products;

/// <summary><c>/api/products</c> end to end on the app and Azurite; each test uses its own SKUs.</summary>
public sealed class ProductsApiTests : IAsyncLifetime
{
    private const string Admin = FunctionAppFactory.BootstrapKey;
    private FunctionAppFactory App { get; set; } = null!;
    private HttpClient _client = null!;
    private IProductVersionStore _versions = null!;
    private ProductStore _products = null!;

    public async Task InitializeAsync()
    {
        var appRoot = TestAppRoot.Create();
        App = new FunctionAppFactory(appRoot, await FunctionAppFactory.BaseSettingsAsync(appRoot));
        _client = App.CreateClient();
        _versions = App.Services.GetRequiredService<IProductVersionStore>();
        _products = App.Services.GetRequiredService<ProductStore>();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
    }

    [Fact]
    public async Task ListVersions_ThreeVersions_NewestFirstWithPaging()
    {
        // Arrange
        var sku = TestProducts.NewSku("api");
        var changeIds = await RecordThreeAsync(sku);

        // Act
        using var first = await _client.SendAsync(HttpMethod.Get, $"/api/products/{sku.Normalized.ToLowerInvariant()}/versions?page=1&per_page=2", Admin);
        using var second = await _client.SendAsync(HttpMethod.Get, $"/api/products/{sku.Normalized}/versions?page=2&per_page=2", Admin);
        var page1 = await first.ReadJsonAsync();
        var page2 = await second.ReadJsonAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(page1.GetProperty("success").GetBoolean());
        Assert.Equal(sku.Original, page1.GetProperty("sku").GetString());
        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("total_pages").GetInt32());
        Assert.Equal(2, page1.GetProperty("per_page").GetInt32());
        Assert.Equal([3, 2], Versions(page1));
        Assert.Equal([1], Versions(page2));
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        var newest = page1.GetProperty("items")[0];
        Assert.Equal(changeIds[2], newest.GetProperty("change_id").GetString());
        Assert.Equal(ProductSnapshot.Hash(TestProducts.Product(sku, price: 14m, title: "Widget Pro")), newest.GetProperty("hash").GetString());
        Assert.Equal(["title"], newest.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("manual", newest.GetProperty("source").GetString());
        Assert.Equal("push_to_shopify", newest.GetProperty("direction").GetString());
        Assert.Equal("alice", newest.GetProperty("actor").GetString());
        Assert.Equal(TestProducts.Start.Year, newest.GetProperty("created_at").GetDateTimeOffset().Year);
        Assert.Equal("Widget Pro", newest.GetProperty("snapshot").GetProperty("title").GetString());
        Assert.Equal(14m, newest.GetProperty("snapshot").GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task ListVersions_SkuWithSlashAndSpaces_FindsIt()
    {
        var sku = Sku.Parse($"AB/{Guid.NewGuid():N}"[..12] + "  x 1");
        await _versions.RecordAsync(TestProducts.Product(sku), TestProducts.NewChangeId(), SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run", CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku.Original)}/versions", Admin);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1], Versions(body));
    }

    [Fact]
    public async Task ListVersions_LocalProductWithoutVersions_ReturnsEmptyList()
    {
        var sku = TestProducts.NewSku("api");
        await _products.SaveAsync(TestProducts.Product(sku), CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/products/{sku.Normalized}/versions", Admin);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Empty(Versions(body));
    }

    [Fact]
    public async Task ListVersions_UnknownSku_Returns404()
    {
        var sku = TestProducts.NewSku("api");

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/products/{sku.Normalized}/versions", Admin);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(sku.Normalized, body.GetProperty("details").GetProperty("sku").GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("per_page=201", "per_page")]
    [InlineData("per_page=0", "per_page")]
    public async Task ListVersions_BadPaging_Returns400NamingParameter(string query, string field)
    {
        var sku = TestProducts.NewSku("api");
        await RecordThreeAsync(sku);

        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/products/{sku.Normalized}/versions?{query}", Admin);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("details").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListVersions_WhitespaceSku_Returns400NamingSku()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "/api/products/%20%20/versions", Admin);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("details").TryGetProperty("sku", out _));
    }

    [Theory]
    [InlineData("/api/products/ANY/versions")]
    [InlineData("/api/products/ANY")]
    [InlineData("/api/products")]
    public async Task ProductRoutes_WithoutKey_Return401(string path)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, path, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetProduct_Known_ReturnsSnakeCaseProductWithSyncStatus()
    {
        // Arrange: one synced, one never pushed, one edited since its last sync.
        var synced = TestProducts.Product(TestProducts.NewSku("api"), lastSyncedVersion: 4);
        var local = TestProducts.Product(TestProducts.NewSku("api")) with { ShopifyProductId = null };
        var edited = TestProducts.Product(TestProducts.NewSku("api"), lastSyncedVersion: 2);
        await _products.SaveAsync(synced with { LastSyncedHash = ProductSnapshot.Hash(synced) }, CancellationToken.None);
        await _products.SaveAsync(local, CancellationToken.None);
        await _products.SaveAsync(edited with { LastSyncedHash = ProductSnapshot.Hash(edited with { Price = 1m }) }, CancellationToken.None);

        // Act
        var syncedView = await GetProductAsync(synced.Sku);
        var localView = await GetProductAsync(local.Sku);
        var editedView = await GetProductAsync(edited.Sku);

        // Assert
        Assert.Equal("synced", syncedView.GetProperty("sync_status").GetString());
        Assert.Equal(synced.Sku.Normalized, syncedView.GetProperty("product_id").GetString());
        Assert.Equal("gid://shopify/Product/7", syncedView.GetProperty("shopify_product_id").GetString());
        Assert.Equal(4, syncedView.GetProperty("last_synced_version").GetInt32());
        Assert.Equal(10m, syncedView.GetProperty("price").GetDecimal());
        Assert.Equal("not_synced", localView.GetProperty("sync_status").GetString());
        Assert.Equal("pending", editedView.GetProperty("sync_status").GetString());
    }

    [Fact]
    public async Task GetProduct_UnknownSku_Returns404()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/products/{TestProducts.NewSku("api").Normalized}", Admin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListProducts_SavedProduct_IsListedWithTotals()
    {
        var product = TestProducts.Product(TestProducts.NewSku("api"), lastSyncedVersion: 1);
        await _products.SaveAsync(product, CancellationToken.None);

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/products?per_page=200", Admin);
        var body = await response.ReadJsonAsync();
        using var bad = await _client.SendAsync(HttpMethod.Get, "/api/products?page=0", Admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(200, body.GetProperty("per_page").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<string[]> RecordThreeAsync(Sku sku)
    {
        string[] changeIds = [TestProducts.NewChangeId(), TestProducts.NewChangeId(), TestProducts.NewChangeId()];
        await _versions.RecordAsync(TestProducts.Product(sku), changeIds[0], SourceSystem.Etilize, ChangeDirection.EtilizeImport, "run-1", CancellationToken.None);
        await _versions.RecordAsync(TestProducts.Product(sku, price: 14m), changeIds[1], SourceSystem.Xorosoft, ChangeDirection.XorosoftInventory, "run-2", CancellationToken.None);
        await _versions.RecordAsync(TestProducts.Product(sku, price: 14m, title: "Widget Pro"), changeIds[2], SourceSystem.Manual, ChangeDirection.PushToShopify, "alice", CancellationToken.None);
        return changeIds;
    }

    private async Task<JsonElement> GetProductAsync(Sku sku)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"/api/products/{Uri.EscapeDataString(sku.Original)}", Admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static int[] Versions(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("version").GetInt32())];
}

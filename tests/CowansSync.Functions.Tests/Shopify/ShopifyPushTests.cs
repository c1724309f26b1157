using System.Globalization;
using System.Text.Json;
using CowansSync.Functions.Shopify;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>The push's field-level writes against the Shopify simulator: only named fields, stock compare-and-set, keys.</summary>
public sealed class ShopifyPushTests(ShopifyPushFixture fixture) : IClassFixture<ShopifyPushFixture>
{
    [Fact]
    public async Task UpdateAsync_PriceAndTitle_WritesExactlyThoseFields()
    {
        // Arrange
        var sku = fixture.TakeSkus(1)[0];
        var current = (await fixture.ReadAsync(sku)).Product;
        var before = await fixture.RestAsync(sku);
        var proposed = current with { Price = current.Price + 1.25m, Title = "Pushed title", Upc = "000000000000", DescriptionHtml = "<p>not named</p>", InventoryQuantity = 999 };

        // Act
        var result = await fixture.Push.UpdateAsync(new ShopifyUpdate(current, proposed, ["price", "title"], "change-1"), CancellationToken.None);

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var after = await fixture.RestAsync(sku);
        Assert.Equal("Pushed title", after.GetProperty("title").GetString());
        Assert.Equal(proposed.Price, Money(Variant(after).GetProperty("price")));
        Assert.Equal(before.GetProperty("body_html").GetString(), after.GetProperty("body_html").GetString());
        Assert.Equal(Variant(before).GetProperty("barcode").GetString(), Variant(after).GetProperty("barcode").GetString());
        Assert.Equal(Variant(before).GetProperty("inventory_quantity").GetInt32(), Variant(after).GetProperty("inventory_quantity").GetInt32());
        Assert.Equal(before.GetProperty("vendor").GetString(), after.GetProperty("vendor").GetString());
    }

    [Fact]
    public async Task UpdateAsync_StockWithCurrentQuantity_SetsIt()
    {
        // Arrange
        var sku = fixture.TakeSkus(1)[0];
        var current = (await fixture.ReadAsync(sku)).Product;
        var proposed = current with { InventoryQuantity = current.InventoryQuantity + 5 };

        // Act
        var result = await fixture.Push.UpdateAsync(new ShopifyUpdate(current, proposed, ["inventory_quantity"], "change-stock-ok"), CancellationToken.None);

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(proposed.InventoryQuantity, Variant(await fixture.RestAsync(sku)).GetProperty("inventory_quantity").GetInt32());
    }

    [Fact]
    public async Task UpdateAsync_StockAfterMerchantEdit_IsStaleAndWritesNothingElse()
    {
        // Arrange
        var sku = fixture.TakeSkus(1)[0];
        var current = (await fixture.ReadAsync(sku)).Product;
        var merchantQuantity = current.InventoryQuantity!.Value + 3;
        await fixture.EditAsync(sku, new { inventoryQuantity = merchantQuantity });
        var proposed = current with { InventoryQuantity = 1, Title = "Must not be written", Price = current.Price + 10 };

        // Act
        var result = await fixture.Push.UpdateAsync(new ShopifyUpdate(current, proposed, ["inventory_quantity", "title", "price"], "change-stale"), CancellationToken.None);

        // Assert
        Assert.True(result.IsStaleQuantity);
        Assert.False(result.Succeeded);
        var after = await fixture.RestAsync(sku);
        Assert.Equal(merchantQuantity, Variant(after).GetProperty("inventory_quantity").GetInt32());
        Assert.Equal(current.Title, after.GetProperty("title").GetString());
        Assert.Equal(current.Price, Money(Variant(after).GetProperty("price")));
    }

    [Fact]
    public async Task UpdateAsync_SameStockUpdateRepeatedWithItsKey_AppliesOnce()
    {
        // Arrange
        var sku = fixture.TakeSkus(1)[0];
        var current = (await fixture.ReadAsync(sku)).Product;
        var update = new ShopifyUpdate(current, current with { InventoryQuantity = 42 }, ["inventory_quantity"], "change-repeated");
        var keysBefore = (await fixture.Sandbox.CountersAsync()).GetProperty("idempotency_keys").GetArrayLength();
        var first = await fixture.Push.UpdateAsync(update, CancellationToken.None);
        // A merchant sale after the first write: a second application would set 42 again.
        await fixture.EditAsync(sku, new { inventoryQuantity = 41 });

        // Act
        var repeat = await fixture.Push.UpdateAsync(update, CancellationToken.None);

        // Assert
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.True(repeat.Succeeded, string.Join("; ", repeat.Errors));
        Assert.Equal(41, Variant(await fixture.RestAsync(sku)).GetProperty("inventory_quantity").GetInt32());
        Assert.Equal(keysBefore + 1, (await fixture.Sandbox.CountersAsync()).GetProperty("idempotency_keys").GetArrayLength());
    }

    [Fact]
    public async Task CreateAsync_NewProduct_CreatesVariantStockImageAndCollectionsFoundBySku()
    {
        // Arrange
        var collection = (await fixture.ReadAsync(fixture.TakeSkus(1)[0])).Product.Collections[0];
        var product = new Product
        {
            Sku = Sku.Parse("PUSH-NEW-0001"),
            Title = "Created by the push",
            DescriptionHtml = "<p>New</p>",
            Manufacturer = "Acme",
            ManufacturerPartNumber = "ACM-1",
            Upc = "012345678905",
            ProductType = "Widgets",
            Tags = ["new"],
            Price = 19.99m,
            Cost = 7.5m,
            InventoryQuantity = 7,
            Weight = 1.5m,
            Images = ["https://content.etilize.com/Large/push-new.jpg"],
            Collections = [collection],
            Status = ProductStatus.Active,
        };

        // Act
        var result = await fixture.Push.CreateAsync(product, "create-1", CancellationToken.None);

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.StartsWith("gid://shopify/Product/", result.Product!.ShopifyProductId, StringComparison.Ordinal);
        var rest = await fixture.RestAsync("PUSH-NEW-0001");
        Assert.Equal("Created by the push", rest.GetProperty("title").GetString());
        Assert.Equal(19.99m, Money(Variant(rest).GetProperty("price")));
        Assert.Equal("012345678905", Variant(rest).GetProperty("barcode").GetString());
        Assert.Equal(7, Variant(rest).GetProperty("inventory_quantity").GetInt32());
        Assert.Equal("https://content.etilize.com/Large/push-new.jpg", rest.GetProperty("images")[0].GetProperty("src").GetString());
        var found = (await fixture.Push.FindBySkuAsync(product.Sku, CancellationToken.None))!.Product;
        Assert.Equal(result.Product.ShopifyProductId, found.ShopifyProductId);
        Assert.Equal(7.5m, found.Cost);
        Assert.Equal(1.5m, found.Weight!.Value, 3);
        Assert.Equal("ACM-1", found.ManufacturerPartNumber);
        Assert.Equal([collection], found.Collections);
    }

    [Fact]
    public async Task CreateAsync_MissingCollection_ReportsItAsAUserError()
    {
        // Arrange
        var product = new Product { Sku = Sku.Parse("PUSH-NEW-0002"), Title = "No such collection", Price = 1m, Collections = ["no-such-collection"] };

        // Act
        var result = await fixture.Push.CreateAsync(product, "create-2", CancellationToken.None);

        // Assert
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("collections", error.Field);
        Assert.Contains("no-such-collection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_VariantRefused_DeletesTheHalfMadeProductSoARetryCannotDuplicateIt()
    {
        // Arrange: productCreate takes it; the variant write refuses the negative price.
        var product = new Product { Sku = Sku.Parse("PUSH-NEW-0003"), Title = "HalfMadeProduct", Price = -1m };
        var byTitle = new ShopifyDocument("ProductsTitled", "query ProductsTitled { products(first: 5, query: \"title:HalfMadeProduct\") { nodes { id } } }", 12);

        // Act
        var result = await fixture.Push.CreateAsync(product, "create-3", CancellationToken.None);

        // Assert
        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors);
        var left = await fixture.Sandbox.Client.ExecuteAsync<JsonElement>(byTitle, null, CancellationToken.None);
        Assert.Equal(0, left.GetProperty("products").GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task UpdateAsync_Collections_JoinsTheNewOnesOnly()
    {
        // Arrange
        var skus = fixture.TakeSkus(15);
        var products = await fixture.ReadManyAsync(skus);

        var current = products[0];
        var other = products.Select(product => product.Collections[0]).First(handle => !current.Collections.Contains(handle));
        var proposed = current with { Collections = [other] };

        // Act
        var result = await fixture.Push.UpdateAsync(new ShopifyUpdate(current, proposed, ["collections"], "change-collections"), CancellationToken.None);

        // Assert
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var after = (await fixture.ReadAsync(skus[0])).Product;
        Assert.Equal(current.Collections.Append(other).Order(StringComparer.Ordinal), after.Collections.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_FortyIdsAndAnUnknownOne_ReturnsTheFortyWithCollections()
    {
        // Arrange
        var skus = fixture.TakeSkus(40);
        var ids = (await fixture.Sandbox.CreateCatalog().FindAsync(skus, [], CancellationToken.None)).Select(product => product.ShopifyProductId!).ToList();

        var requestsBefore = fixture.Sandbox.Client.Counters.Requests;

        // Act
        var found = await fixture.Push.ReadAsync([.. ids, "gid://shopify/Product/99999999"], ShopifyPushFixture.AllFields, CancellationToken.None);

        // Assert
        Assert.Equal(2, fixture.Sandbox.Client.Counters.Requests - requestsBefore);
        Assert.Equal(ids.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found.Values, product => Assert.NotEmpty(product.Product.Collections));
        Assert.Equal(skus.Order(StringComparer.Ordinal), found.Values.Select(product => product.Product.Sku.Original).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_PriceOnly_ReadsThePriceAndIdsForFourPointsAProduct()
    {
        // Arrange
        var skus = fixture.TakeSkus(30);
        var whole = await fixture.ReadManyAsync(skus);
        var spentBefore = fixture.Sandbox.Client.Counters.CostSpent;

        // Act
        var found = await fixture.Push.ReadAsync([.. whole.Select(product => product.ShopifyProductId!)], [ProductFields.Price.Name], CancellationToken.None);

        // Assert: the products connection 2 + 30 × (product 1 + variants 2 + variant 1), nothing else selected.
        Assert.Equal(2 + (30 * 4), fixture.Sandbox.Client.Counters.CostSpent - spentBefore);
        foreach (var product in whole)
        {
            var read = found[product.ShopifyProductId!].Product;
            Assert.Equal((product.Sku, product.Price, product.Title, product.ShopifyVariantId), (read.Sku, read.Price, read.Title, read.ShopifyVariantId));
            Assert.Equal((0, 0, (string?)null), (read.Collections.Count, read.Images.Count, read.ShopifyInventoryItemId));
        }
    }

    [Fact]
    public async Task ReadStoreExportAsync_CompletedExport_ReadsTheWantedProductsAsReadAsyncDoes()
    {
        // Arrange
        var skus = fixture.TakeSkus(3);
        var expected = await fixture.Push.ReadAsync([.. (await fixture.ReadManyAsync(skus)).Select(product => product.ShopifyProductId!)], ShopifyPushFixture.AllFields, CancellationToken.None);
        var exportId = await fixture.ExportStoreAsync();

        // Act
        var found = await fixture.Push.ReadStoreExportAsync(exportId, [.. expected.Keys, "gid://shopify/Product/99999999"], CancellationToken.None);

        // Assert
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, product) in expected)
        {
            Assert.Equal(JsonSerializer.Serialize(product), JsonSerializer.Serialize(found[id]));
            Assert.NotEmpty(found[id].Product.Collections);
        }
    }

    [Fact]
    public async Task StartStoreExportAsync_TwiceAtOnce_OneStartsAndTheOtherIsToldTheShopIsBusy()
    {
        // Act: Shopify runs one bulk query at a time.
        var starts = await Task.WhenAll(fixture.Push.StartStoreExportAsync(CancellationToken.None), fixture.Push.StartStoreExportAsync(CancellationToken.None));

        // Assert
        var started = Assert.Single(starts, start => start.OperationId is not null);
        Assert.Single(starts, start => start.Busy);
        await fixture.WaitCompletedAsync(started.OperationId!);
    }

    [Fact]
    public async Task BulkUpdateAsync_ThreeHundredPricesOneNegative_AppliesAllOthersAndFailsThatLineAlone()
    {
        // Arrange
        var skus = fixture.TakeSkus(300);
        var products = await fixture.ReadFreeAsync(skus);
        var updates = products.Select((product, index) => new ShopifyUpdate(
            product, product with { Price = index == 150 ? -1m : 1000m + index, Title = $"Bulk {index}" }, index % 2 == 0 ? ["price"] : ["price", "title"], $"bulk-{index}")).ToList();

        // Act
        var results = await fixture.BulkUpdateAsync(updates);

        // Assert
        Assert.Equal(300, results.Count);
        Assert.Equal(299, results.Count(result => result.Succeeded));
        var failed = results[150];
        Assert.Contains(failed.Errors, error => error.Field?.Contains("price", StringComparison.Ordinal) == true);
        var after = await fixture.ReadFreeAsync(skus);
        for (var index = 0; index < 300; index++)
        {
            var stored = after[index];
            Assert.Equal(index == 150 ? products[index].Price : 1000m + index, stored.Price);
            Assert.Equal(index % 2 == 1 && index != 150 ? $"Bulk {index}" : products[index].Title, stored.Title);
            Assert.Equal(updates[index].Proposed.Price, results[index].Product?.Price ?? updates[index].Proposed.Price);
        }
    }

    [Fact]
    public async Task StartBulkUpdateAsync_AStockUpdate_ThrowsArgumentException()
    {
        // Arrange
        var product = (await fixture.ReadAsync(fixture.TakeSkus(1)[0])).Product;
        var update = new ShopifyUpdate(product, product with { InventoryQuantity = 1 }, ["inventory_quantity"], "bulk-stock");

        // Act
        var thrown = await Record.ExceptionAsync(() => fixture.Push.StartBulkUpdateAsync([update], ShopifyBulkStage.Variants, null, CancellationToken.None));

        // Assert
        Assert.IsType<ArgumentException>(thrown);
    }

    [Fact]
    public async Task BulkUpdateAsyncAndUpdateAsync_ThirtyPercent5xx_ApplyEveryUpdateOnce()
    {
        // Arrange
        var skus = fixture.TakeSkus(21);
        var products = await fixture.ReadFreeAsync(skus);
        var bulkUpdates = products.Take(20).Select((product, index) => new ShopifyUpdate(product, product with { Price = 500m + index }, ["price"], $"faulty-{index}")).ToList();
        var single = products[20];
        var singleUpdate = new ShopifyUpdate(single, single with { InventoryQuantity = single.InventoryQuantity + 11, Title = "Through faults" }, ["inventory_quantity", "title"], "faulty-single");
        var before = await fixture.Sandbox.CountersAsync();
        await fixture.Sandbox.SetFaultsAsync(new { errorRate = 0.3 });
        IReadOnlyList<ShopifyWriteResult> results;
        ShopifyWriteResult singleResult;
        try
        {
            // Act
            results = await fixture.BulkUpdateAsync(bulkUpdates);
            singleResult = await fixture.Push.UpdateAsync(singleUpdate, CancellationToken.None);
        }
        finally
        {
            await fixture.Sandbox.SetFaultsAsync(new { errorRate = 0 });
        }

        // Assert
        var after = await fixture.Sandbox.CountersAsync();
        Assert.True(after.GetProperty("errors_injected").GetInt32() > before.GetProperty("errors_injected").GetInt32());
        Assert.All(results, result => Assert.True(result.Succeeded, string.Join("; ", result.Errors)));
        Assert.True(singleResult.Succeeded, string.Join("; ", singleResult.Errors));
        Assert.Equal(before.GetProperty("bulk_operations").GetInt32() + 1, after.GetProperty("bulk_operations").GetInt32());
        Assert.Equal(before.GetProperty("idempotency_keys").GetArrayLength() + 1, after.GetProperty("idempotency_keys").GetArrayLength());
        var stored = await fixture.ReadFreeAsync(skus);
        Assert.Equal(bulkUpdates.Select(update => update.Proposed.Price), stored.Take(20).Select(product => product.Price));
        Assert.Equal(singleUpdate.Proposed.InventoryQuantity, stored[20].InventoryQuantity);
        Assert.Equal("Through faults", stored[20].Title);
    }

    private static JsonElement Variant(JsonElement rest) => rest.GetProperty("variants")[0];

    private static decimal? Money(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}

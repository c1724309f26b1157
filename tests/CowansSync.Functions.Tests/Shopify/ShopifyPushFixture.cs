using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Shopify;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Shopify;

/// <summary>A sandbox with 800 products (enough store products for a 300-line bulk update) and a push over it.</summary>
public sealed class ShopifyPushFixture : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Queue<string> _unusedSkus = new();

    public ShopifySandboxFixture Sandbox { get; } = new(products: 800);

    public ShopifyPush Push { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Sandbox.InitializeAsync();
        var client = Sandbox.Client;
        // Signed file URLs are absolute, so the control API's client (base address aside) fetches them as well.
        var files = Sandbox.Control;
        var export = ShopifyBulkExport.WithCollections(client, files, NullLogger<ShopifyBulkExport>.Instance);
        var bulk = new ShopifyBulkMutation(client, export, files, TimeProvider.System, NullLogger<ShopifyBulkMutation>.Instance);
        Push = new ShopifyPush(client, Sandbox.CreateCatalog(), export, bulk);
        var truth = (await Sandbox.TruthAsync()).GetProperty("skus");
        foreach (var sku in truth.EnumerateObject().Where(entry => entry.Value.GetProperty("partition").GetString() is "in_all" or "shopify_only").Select(entry => entry.Name).Order(StringComparer.Ordinal))
        {
            _unusedSkus.Enqueue(sku);
        }
    }

    /// <summary>Store SKUs no earlier test has touched, so tests of one class do not see each other's writes.</summary>
    public IReadOnlyList<string> TakeSkus(int count) => [.. Enumerable.Range(0, count).Select(_ => _unusedSkus.Dequeue())];

    /// <summary>
    /// A bulk update through the split API, as the push orchestration drives it: each stage started (again while the
    /// shop is busy) and checked until done, then the outcomes read. The waits are the test's; the adapter never waits.
    /// </summary>
    public async Task<IReadOnlyList<ShopifyWriteResult>> BulkUpdateAsync(IReadOnlyList<ShopifyUpdate> updates)
    {
        var variants = await RunStageAsync(updates, ShopifyBulkStage.Variants, null);
        var products = await RunStageAsync(updates, ShopifyBulkStage.Products, variants);
        return await Push.ReadBulkUpdateAsync(updates, variants, products, CancellationToken.None);
    }

    /// <summary>A store product as the push reads it.</summary>
    public async Task<StoreProduct> ReadAsync(string sku) => await Push.FindBySkuAsync(Sku.Parse(sku), CancellationToken.None)
        ?? throw new InvalidOperationException($"The store has no {sku}.");

    /// <summary>Every field's API name: a re-read that compares them all selects everything.</summary>
    public static IReadOnlyList<string> AllFields { get; } = [.. ProductFields.All.Select(field => field.Name)];

    /// <summary>Store products as the push reads them, in the order of <paramref name="skus"/>.</summary>
    public async Task<IReadOnlyList<Product>> ReadManyAsync(IReadOnlyList<string> skus)
    {
        var ids = (await Sandbox.CreateCatalog().FindAsync(skus, [], CancellationToken.None)).Select(product => product.ShopifyProductId!).ToList();
        var bySku = (await Push.ReadAsync(ids, AllFields, CancellationToken.None)).Values.ToDictionary(product => product.Product.Sku.Original, product => product.Product, StringComparer.Ordinal);
        return [.. skus.Select(sku => bySku[sku])];
    }

    /// <summary>
    /// What a bulk update needs of store products (ids, title, price), from the control API: reading hundreds through
    /// the Admin API spends their real cost, about 15 points each at 100 points/s.
    /// </summary>
    public async Task<IReadOnlyList<Product>> ReadFreeAsync(IReadOnlyList<string> skus)
    {
        var products = new List<Product>();
        foreach (var sku in skus)
        {
            var rest = await RestAsync(sku);
            var variant = rest.GetProperty("variants")[0];
            products.Add(new Product
            {
                Sku = Sku.Parse(sku),
                Title = rest.GetProperty("title").GetString(),
                Price = decimal.Parse(variant.GetProperty("price").GetString()!, CultureInfo.InvariantCulture),
                InventoryQuantity = variant.GetProperty("inventory_quantity").GetInt32(),
                ShopifyProductId = rest.GetProperty("admin_graphql_api_id").GetString(),
                ShopifyVariantId = variant.GetProperty("admin_graphql_api_id").GetString(),
                ShopifyInventoryItemId = $"gid://shopify/InventoryItem/{variant.GetProperty("inventory_item_id").GetInt64()}",
            });
        }

        return products;
    }

    /// <summary>The store's REST-shaped product, from the control API.</summary>
    public async Task<JsonElement> RestAsync(string sku) => await Sandbox.Control.GetFromJsonAsync<JsonElement>($"shopify/products/{Uri.EscapeDataString(sku)}");

    /// <summary>A merchant edit in the admin.</summary>
    public async Task EditAsync(string sku, object changes)
    {
        using var response = await Sandbox.Control.PostAsJsonAsync($"shopify/products/{Uri.EscapeDataString(sku)}/edit", changes);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A store export, started (again while another bulk query runs) and checked until done, as the push drives it.</summary>
    public async Task<string> ExportStoreAsync() => (await RunOperationAsync(Push.StartStoreExportAsync))!;

    private Task<string?> RunStageAsync(IReadOnlyList<ShopifyUpdate> updates, ShopifyBulkStage stage, string? variantsOperationId)
        => RunOperationAsync(token => Push.StartBulkUpdateAsync(updates, stage, variantsOperationId, token));

    /// <summary>Checks a bulk operation until it is done, and asserts that it completed.</summary>
    public async Task WaitCompletedAsync(string operationId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        ShopifyBulkCheck check;
        while ((check = await Push.CheckBulkOperationAsync(operationId, timeout.Token)).State == ShopifyBulkState.Running)
        {
            await Task.Delay(PollInterval, timeout.Token);
        }

        Assert.True(check.State == ShopifyBulkState.Completed, check.Error);
    }

    private async Task<string?> RunOperationAsync(Func<CancellationToken, Task<ShopifyBulkStart>> startAsync)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        ShopifyBulkStart start;
        while ((start = await startAsync(timeout.Token)).Busy)
        {
            await Task.Delay(PollInterval, timeout.Token);
        }

        if (start.OperationId is { } operationId)
        {
            await WaitCompletedAsync(operationId);
        }

        return start.OperationId;
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Domain.Staging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Testing;

/// <summary>
/// Stages approved price changes of the sandbox store's products directly in storage, under a batch id of their own, so a
/// push of thousands of changes can be measured or tested without importing a catalog that large first.
/// </summary>
public static class PriceChangeSeeder
{
    private static readonly ApprovalVerdict Approved = new(true, null, "Seeded", "Approved by the test seeder.");

    /// <summary>Stages one approved price change (+1 %) for each of the first <paramref name="count"/> store products.</summary>
    /// <param name="sandbox">The sandbox; its store must hold at least <paramref name="count"/> products.</param>
    /// <param name="count">How many changes.</param>
    /// <returns>The batch id (a push's <c>batch_id</c>).</returns>
    public static async Task<string> StageAsync(SandboxServer sandbox, int count)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var storage = StorageClients.FromConnectionString(sandbox.Value("storage", "connection_string"));
        var runId = string.Create(CultureInfo.InvariantCulture, $"seeded-{Guid.NewGuid():N}");
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var products = await StoreProductsAsync(sandbox, count);
        var changes = products.Select(current =>
        {
            var diff = ProductDiff.Between(current, current with { Price = decimal.Round(current.Price!.Value * 1.01m, 2) }, ChangeDirection.Manual);
            return StagedChange.Stage(runId, diff, now).Decide(Approved).Change!;
        }).ToList();
        await new StagedChangeStore(storage, NullLogger<StagedChangeStore>.Instance).StageAsync(changes, CancellationToken.None);
        return runId;
    }

    // The generator puts index % 10 in 0–5 and 9 in the store; SKUs are COS-{100000 + index}.
    private static async Task<List<Product>> StoreProductsAsync(SandboxServer sandbox, int count)
    {
        using var control = new HttpClient { BaseAddress = sandbox.ControlUrl };
        var skus = Enumerable.Range(0, int.MaxValue).Where(i => i % 10 is <= 5 or 9).Take(count).Select(i => $"COS-{100000 + i}").ToList();
        var products = new Product[skus.Count];
        await Parallel.ForAsync(0, skus.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var rest = await control.GetFromJsonAsync<JsonElement>(new Uri($"/shopify/products/{skus[i]}", UriKind.Relative), token);
            var variant = rest.GetProperty("variants")[0];
            products[i] = new Product
            {
                Sku = Sku.Parse(skus[i]),
                Title = rest.GetProperty("title").GetString(),
                Price = decimal.Parse(variant.GetProperty("price").GetString()!, CultureInfo.InvariantCulture),
                Status = ProductStatus.Active,
                ShopifyProductId = rest.GetProperty("admin_graphql_api_id").GetString(),
                ShopifyVariantId = variant.GetProperty("admin_graphql_api_id").GetString(),
                ShopifyInventoryItemId = $"gid://shopify/InventoryItem/{variant.GetProperty("inventory_item_id").GetInt64()}",
            };
        });
        return [.. products];
    }
}

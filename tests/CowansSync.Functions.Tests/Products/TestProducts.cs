using CowansSync.Functions.Products;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CowansSync.Functions.Tests.Products;

/// <summary>Products with SKUs no other test uses, and the stores on the shared Azurite.</summary>
internal static class TestProducts
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Sku NewSku(string prefix = "pv") => Sku.Parse($"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 17)]);

    public static Product Product(Sku sku, decimal price = 10m, string title = "Widget", int? lastSyncedVersion = null) => new()
    {
        Sku = sku,
        Title = title,
        Price = price,
        Manufacturer = "Acme",
        ShopifyProductId = "gid://shopify/Product/7",
        LastSyncedVersion = lastSyncedVersion,
    };

    public static string NewChangeId() => Guid.NewGuid().ToString("N");

    public static async Task<StorageClients> StorageAsync() =>
        StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString);

    public static async Task<ProductVersionStore> VersionStoreAsync(FakeTimeProvider time) =>
        new(await StorageAsync(), time, NullLogger<ProductVersionStore>.Instance);

    public static async Task<ProductStore> ProductStoreAsync() => new(await StorageAsync(), NullLogger<ProductStore>.Instance);
}

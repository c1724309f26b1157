using System.Text.Json;
using CowansSync.Functions.Staging;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain.Conflicts;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Staging;
using CowansSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CowansSync.Functions.Tests.Staging;

/// <summary>Staged changes built from real diffs, each in its own run so tests on the shared Azurite never see each other's.</summary>
internal static class TestChanges
{
    public static readonly DateTimeOffset StagedAt = new(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);

    public static string NewRunId() => $"run-{Guid.NewGuid():N}";

    public static string NewSku() => $"sku-{Guid.NewGuid():N}"[..20];

    public static Product Product(string sku, decimal price = 10m, string title = "Widget", string? description = null) =>
        new() { Sku = Sku.Parse(sku), Title = title, Price = price, DescriptionHtml = description, ShopifyProductId = "gid://shopify/Product/1" };

    public static StagedChange Update(string runId, string sku, int minute = 0, ChangeDirection direction = ChangeDirection.XorosoftInventory) =>
        StagedChange.Stage(runId, ProductDiff.Between(Product(sku, 10m), Product(sku, 12m), direction), StagedAt.AddMinutes(minute));

    public static StagedChange Create(string runId, string sku, int minute = 0, string? description = null) =>
        StagedChange.Stage(runId, ProductDiff.Between(null, Product(sku, description: description), ChangeDirection.EtilizeImport), StagedAt.AddMinutes(minute));

    public static StagedChange Delete(string runId, string sku, int minute = 0) =>
        StagedChange.Stage(runId, ProductDiff.Between(Product(sku), null, ChangeDirection.Manual), StagedAt.AddMinutes(minute));

    public static StagedChange WithConflict(this StagedChange change)
    {
        var value = JsonSerializer.SerializeToElement("text");
        return change with { Conflicts = [new FieldConflict(change.Sku, "title", value, value, value, null, null, AutoResolution.Manual("test"))] };
    }

    public static async Task<StagedChangeStore> CreateStoreAsync() =>
        new(StorageClients.FromConnectionString((await AzuriteServer.Shared).ConnectionString), NullLogger<StagedChangeStore>.Instance);
}

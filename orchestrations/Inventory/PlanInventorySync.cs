using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>
/// An inventory sync's first step: refresh Xorosoft's stock in the mirror, then write the products to check — every
/// local product, those whose stock the refresh moved, or those named — as batches of SKUs.
/// </summary>
/// <remarks>
/// Safe to repeat: the refresh writes what Xorosoft says and the batches are rewritten whole. A repeat of a
/// <see cref="InventorySyncMode.Changed"/> plan finds less moved (its first attempt moved the mirror already); the
/// next <see cref="InventorySyncMode.All"/> sync checks what it misses.
/// </remarks>
public sealed class PlanInventorySync(IXorosoftStock stock, IProductStore products, IPayloadStore payloads) : TaskActivity<PlanInventorySyncInput, PlannedInventorySync>
{
    /// <inheritdoc />
    public override async Task<PlannedInventorySync> RunAsync(TaskActivityContext context, PlanInventorySyncInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        var cancellationToken = CancellationToken.None;
        var moved = await stock.RefreshAsync(cancellationToken);
        IReadOnlyList<string> skus = settings.Mode switch
        {
            InventorySyncMode.Specific => [.. (settings.Skus ?? []).Select(Sku.Normalize).Distinct(StringComparer.Ordinal)],
            InventorySyncMode.Changed => moved,
            _ => [.. (await products.ListSkusAsync(cancellationToken)).Select(sku => sku.Normalized)],
        };
        var batches = skus.Chunk(settings.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            await payloads.WriteInventoryBatchAsync(input.RunId, i, batches[i], cancellationToken);
        }

        return new PlannedInventorySync(batches.Count, skus.Count);
    }
}

using System.Collections.Concurrent;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Ports;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>Compares one batch of local products with Xorosoft's stock and stages the differences (<see cref="InventoryStager"/>).</summary>
/// <remarks>
/// Idempotent: staged changes have deterministic ids (run, SKU, direction) and are inserted only if absent, so a
/// repeat stages nothing twice; its counters are recomputed from the batch, so a repeat returns them again.
/// </remarks>
public sealed class StageInventoryBatch(
    IPayloadStore payloads, IProductStore products, IXorosoftStock stock, IStagedChangeStore staged, IApprovalRuleStore rules, TimeProvider timeProvider)
    : TaskActivity<InventoryBatchInput, IReadOnlyDictionary<string, long>>
{
    private const int ParallelReads = 8;

    /// <inheritdoc />
    public override async Task<IReadOnlyDictionary<string, long>> RunAsync(TaskActivityContext context, InventoryBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellationToken = CancellationToken.None;
        var skus = (await payloads.ReadInventoryBatchAsync(input.RunId, input.BatchIndex, cancellationToken)).Select(Sku.Parse).ToList();
        var rulesTask = rules.ListAsync(cancellationToken);
        var stockTask = stock.StockOfAsync(skus, cancellationToken);
        var local = new ConcurrentBag<Product>();
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (sku, token) =>
        {
            if (await products.GetAsync(sku, token) is { } product)
            {
                local.Add(product);
            }
        });

        var stager = new InventoryStager(new ApprovalRuleEngine(await rulesTask), input.OutOfStockThreshold);
        var (changes, counters) = stager.Stage(input.RunId, [.. local.OrderBy(product => product.Sku.Normalized, StringComparer.Ordinal)], await stockTask, timeProvider.GetUtcNow());
        if (changes.Count > 0)
        {
            await staged.StageAsync(changes, cancellationToken);
        }

        return counters;
    }
}

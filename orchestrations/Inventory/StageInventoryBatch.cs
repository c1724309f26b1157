using System.Collections.Concurrent;
using CowansSync.Orchestrations.Domain.Products;
using CowansSync.Orchestrations.Domain.Rules;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Inventory;

/// <summary>
/// Compares one batch of local products with Xorosoft's stock and stages the differences (<see cref="InventoryStager"/>);
/// opens an alert for each product newly out of stock — telling people through the notifier — and resolves the alerts of
/// products back in stock.
/// </summary>
/// <remarks>
/// Idempotent: staged changes have deterministic ids (run, SKU, direction) and are inserted only if absent, so a
/// repeat stages nothing twice, and its counters are recomputed from the batch. An alert is notified before it is
/// opened: a crash in between tells people twice, never not at all; once open, no later sync tells them again.
/// </remarks>
public sealed class StageInventoryBatch(
    IPayloadStore payloads,
    IProductStore products,
    IXorosoftStock stock,
    IStagedChangeStore staged,
    IApprovalRuleStore rules,
    IStockAlerts alerts,
    IRunNotifier notifier,
    TimeProvider timeProvider)
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
        var openTask = alerts.ListOpenAsync(cancellationToken);
        var local = new ConcurrentBag<Product>();
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken }, async (sku, token) =>
        {
            if (await products.GetAsync(sku, token) is { } product)
            {
                local.Add(product);
            }
        });

        var now = timeProvider.GetUtcNow();
        var stager = new InventoryStager(new ApprovalRuleEngine(await rulesTask), input.OutOfStockThreshold);
        var outcome = stager.Stage(input.RunId, [.. local.OrderBy(product => product.Sku.Normalized, StringComparer.Ordinal)], await stockTask, now);
        if (outcome.Changes.Count > 0)
        {
            await staged.StageAsync(outcome.Changes, cancellationToken);
        }

        var open = await openTask;
        var raised = outcome.OutOfStock.Where(item => !open.Contains(item.Sku.Normalized))
            .Select(item => new StockAlert(item.Sku, item.Quantity, input.OutOfStockThreshold, input.RunId, now))
            .ToList();
        foreach (var alert in raised)
        {
            await notifier.NotifyAsync(new RunNotification(input.RunId, RunKinds.XorosoftInventory, "out_of_stock",
                $"{alert.Sku} is out of stock in Xorosoft: {alert.Quantity} available (threshold {alert.Threshold}).", now), cancellationToken);
        }

        await alerts.OpenAsync(raised, cancellationToken);
        await alerts.ResolveAsync([.. outcome.InStock.Where(sku => open.Contains(sku.Normalized))], now, cancellationToken);
        outcome.Counters[InventoryCounters.OutOfStockAlerts] = raised.Count;
        return outcome.Counters;
    }
}

using System.Globalization;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;
using Microsoft.DurableTask;

namespace CowansSync.Orchestrations.Pull;

/// <summary>
/// A pull run, Shopify → local catalog: a full pull exports the store in one bulk operation, splits it into batches and
/// syncs them in bounded waves (<see cref="PullExportBatch"/>); an incremental pull pages through the products updated
/// since the high-water mark (a full pull when there is none); a selective pull pages through the products named.
/// Full and incremental pulls then move the mark to the latest <c>updatedAt</c> they covered — only once every batch
/// succeeded, since a failed step fails the run first.
/// </summary>
/// <remarks>
/// Deterministic: it decides only from its input (the plan carries every setting), activity results and
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>; batches start in index order and pages in cursor order.
/// </remarks>
public sealed class PullShopify : TaskOrchestrator<PullRequest, PullSummary>
{
    // Product ids per page of a selective pull: Shopify's search takes about fifty terms comfortably.
    private const int IdsPerQuery = 50;

    /// <inheritdoc />
    public override async Task<PullSummary> RunAsync(TaskOrchestrationContext context, PullRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        var retries = input.Plan.Retries();
        var run = new PullProgress(context, input);
        run.Publish(PullPhases.Pull);

        DateTimeOffset? mark = null;
        if (settings.Mode == PullMode.Selective)
        {
            foreach (var ids in (settings.ProductIds ?? []).Chunk(IdsPerQuery))
            {
                await PagesAsync(context, input, run, string.Join(" OR ", ids.Select(id => $"id:{id[(id.LastIndexOf('/') + 1)..]}")));
            }
        }
        else if ((settings.Mode == PullMode.Incremental ? settings.UpdatedSince ?? await context.CallActivityAsync<DateTimeOffset?>(nameof(ReadPullMark), context.InstanceId, retries) : null) is { } since)
        {
            // Shopify's dates have whole seconds: a product edited within the mark's own second after the read that set
            // it is not paged again; its webhook brings it.
            mark = await PagesAsync(context, input, run, string.Create(CultureInfo.InvariantCulture, $"updated_at:>'{since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'")) ?? since;
        }
        else
        {
            mark = await ExportAsync(context, input, run);
        }

        if (mark is { } reached && settings.Mode != PullMode.Selective)
        {
            mark = await context.CallActivityAsync<DateTimeOffset>(nameof(AdvancePullMark), reached, retries);
        }

        run.Publish(PullPhases.Done, RunStatus.Completed);
        return new PullSummary(RunStatus.Completed, run.Counters, mark);
    }

    private static async Task<DateTimeOffset?> PagesAsync(TaskOrchestrationContext context, PullRequest input, PullProgress run, string query)
    {
        DateTimeOffset? last = null;
        string? cursor = null;
        do
        {
            var page = await context.CallActivityAsync<PulledPage>(
                nameof(PullPage), new PullPageInput(context.InstanceId, query, cursor, input.CreatedBy), input.Plan.Retries());
            run.Add(page.Counters, page.Counters.GetValueOrDefault(PullCounters.ProductsChecked));
            last = page.LastUpdatedAt is { } updated && (last is null || updated > last) ? updated : last;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return last;
    }

    private static async Task<DateTimeOffset?> ExportAsync(TaskOrchestrationContext context, PullRequest input, PullProgress run)
    {
        var plan = input.Plan;
        run.Publish(PullPhases.Export);
        var exportId = await context.CallActivityAsync<string>(nameof(StartPullExport), context.InstanceId, plan.Retries());
        var watch = new BulkOperationWatch(context);
        await watch.WatchAsync(exportId, plan.Retries());
        StoreExportSplit? split;
        while ((split = await context.CallActivityAsync<StoreExportSplit?>(
            nameof(SplitPullExport), new SplitPullExportInput(context.InstanceId, exportId, plan.BatchSize), plan.Retries())) is null)
        {
            await watch.WaitAsync(plan.ExportPollInterval);
        }

        run.Expect(split.Products);
        run.Publish(PullPhases.Pull);
        await Waves.RunAsync(
            [.. Enumerable.Range(0, split.Batches)],
            plan.ParallelBatches,
            index => context.CallActivityAsync<IReadOnlyDictionary<string, long>>(nameof(PullExportBatch), new PullBatchInput(context.InstanceId, index, input.CreatedBy), plan.Retries()),
            counters => run.Add(counters, counters.GetValueOrDefault(PullCounters.ProductsChecked)));
        return split.LastUpdatedAt;
    }
}

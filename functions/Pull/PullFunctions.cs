using System.Globalization;
using CowansSync.Functions.Hosting;
using CowansSync.Functions.Settings;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Pull;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Pull;

/// <summary>
/// The Shopify pull as Durable functions: the orchestration and its activities as one-line adapters onto the classes
/// in <c>orchestrations/Pull</c>, and the <c>PullShopifyOnSchedule</c> timer that starts an incremental pull.
/// </summary>
/// <param name="startPullExport">Starts a full pull's export.</param>
/// <param name="splitPullExport">Splits a finished export into batches.</param>
/// <param name="pullExportBatch">Syncs one batch of an export.</param>
/// <param name="pullPage">Syncs one page of a search.</param>
/// <param name="readPullMark">Reads the high-water mark.</param>
/// <param name="advancePullMark">Moves the mark forward.</param>
/// <param name="starter">Starts pulls.</param>
/// <param name="shopify">Whether Shopify is configured.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Reports the scheduled starts.</param>
public sealed partial class PullFunctions(
    StartPullExport startPullExport,
    SplitPullExport splitPullExport,
    PullExportBatch pullExportBatch,
    PullPage pullPage,
    ReadPullMark readPullMark,
    AdvancePullMark advancePullMark,
    PullStarter starter,
    IOptions<ShopifyOptions> shopify,
    TimeProvider time,
    ILogger<PullFunctions> logger)
{
    /// <summary>The timer's name.</summary>
    public const string ScheduleName = "PullShopifyOnSchedule";

    /// <summary>The pull run.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The run's summary.</returns>
    [Function(nameof(PullShopify))]
    public static Task<PullSummary> RunPullShopify([OrchestrationTrigger] TaskOrchestrationContext context) => new PullShopify().RunAsync(context, context.GetInput<PullRequest>()!);

    /// <summary>Starts a full pull's export.</summary>
    /// <param name="input">The run.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The export's handle.</returns>
    [Function(nameof(StartPullExport))]
    public Task<string> RunStartPullExport([ActivityTrigger] string input, string instanceId) => startPullExport.RunAsync(new FunctionActivityContext(nameof(StartPullExport), instanceId), input);

    /// <summary>Polls the export once and splits it when done.</summary>
    /// <param name="input">The run and the export.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The batches, or <see langword="null"/> while the export runs.</returns>
    [Function(nameof(SplitPullExport))]
    public Task<StoreExportSplit?> RunSplitPullExport([ActivityTrigger] SplitPullExportInput input, string instanceId) => splitPullExport.RunAsync(new FunctionActivityContext(nameof(SplitPullExport), instanceId), input);

    /// <summary>Syncs one batch of the export.</summary>
    /// <param name="input">The batch.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The batch's counters.</returns>
    [Function(nameof(PullExportBatch))]
    public Task<IReadOnlyDictionary<string, long>> RunPullExportBatch([ActivityTrigger] PullBatchInput input, string instanceId) => pullExportBatch.RunAsync(new FunctionActivityContext(nameof(PullExportBatch), instanceId), input);

    /// <summary>Syncs one page of a search.</summary>
    /// <param name="input">The page.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>What the page did and where the next starts.</returns>
    [Function(nameof(PullPage))]
    public Task<PulledPage> RunPullPage([ActivityTrigger] PullPageInput input, string instanceId) => pullPage.RunAsync(new FunctionActivityContext(nameof(PullPage), instanceId), input);

    /// <summary>Reads the high-water mark.</summary>
    /// <param name="input">The run (unused).</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The mark.</returns>
    [Function(nameof(ReadPullMark))]
    public Task<DateTimeOffset?> RunReadPullMark([ActivityTrigger] string input, string instanceId) => readPullMark.RunAsync(new FunctionActivityContext(nameof(ReadPullMark), instanceId), input);

    /// <summary>Moves the mark forward.</summary>
    /// <param name="input">The latest <c>updatedAt</c> the pull covered.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The stored mark.</returns>
    [Function(nameof(AdvancePullMark))]
    public Task<DateTimeOffset> RunAdvancePullMark([ActivityTrigger] DateTimeOffset input, string instanceId) => advancePullMark.RunAsync(new FunctionActivityContext(nameof(AdvancePullMark), instanceId), input);

    /// <summary>Starts an incremental pull on the schedule <c>Pull__Schedule</c> (hourly by default).</summary>
    /// <param name="timer">The occurrence (unused: the clock names the run).</param>
    /// <param name="client">Starts the run.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the run is started.</returns>
    [Function(ScheduleName)]
    public async Task RunOnSchedule([TimerTrigger("%Pull__Schedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (shopify.Value.ShopDomain is null && shopify.Value.AdminBaseUrl is null)
        {
            LogNotConfigured();
            return;
        }

        // One run per occurrence: a second instance, or a repeat, finds the run already there.
        var occurrence = time.GetUtcNow();
        var runId = string.Create(CultureInfo.InvariantCulture, $"pull-scheduled-{occurrence:yyyyMMddHHmm}");
        var run = await starter.StartAsync(client, runId, new PullSettings(PullMode.Incremental), ScheduleName, cancellationToken);
        LogStarted(run.RunId);
    }

    [LoggerMessage(1, LogLevel.Information, "Shopify is not configured (Shopify__ShopDomain or Shopify__AdminBaseUrl); no scheduled pull")]
    private partial void LogNotConfigured();

    [LoggerMessage(2, LogLevel.Information, "Started scheduled pull {RunId}")]
    private partial void LogStarted(string runId);
}

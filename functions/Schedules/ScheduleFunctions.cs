using CowansSync.Functions.Hosting;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Schedules;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CowansSync.Functions.Schedules;

/// <summary>
/// Sync schedules as Durable functions: the <see cref="RunSyncSchedule"/> orchestration and its file claim as one-line
/// adapters, and the <c>RunSyncSchedules</c> timer, which starts every schedule's due occurrence.
/// </summary>
/// <param name="schedules">The stored schedules.</param>
/// <param name="starter">Starts their runs.</param>
/// <param name="claimEtilizeDrop">Claims the Etilize file of an import step.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">Reports the starts.</param>
public sealed partial class ScheduleFunctions(
    SyncScheduleStore schedules, ScheduledSyncStarter starter, ClaimEtilizeDrop claimEtilizeDrop, TimeProvider time, ILogger<ScheduleFunctions> logger)
{
    /// <summary>The timer's name.</summary>
    public const string TimerName = "RunSyncSchedules";

    /// <summary>A schedule's occurrence.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>How each step ended.</returns>
    [Function(nameof(RunSyncSchedule))]
    public static Task<ScheduledSyncSummary> RunScheduledSync([OrchestrationTrigger] TaskOrchestrationContext context)
        => new RunSyncSchedule().RunAsync(context, context.GetInput<ScheduledSyncRequest>()!);

    /// <summary>Claims the newest new Etilize file for an import step's run.</summary>
    /// <param name="importRunId">The import run.</param>
    /// <param name="instanceId">The calling orchestration.</param>
    /// <returns>The file, or <see langword="null"/> when nothing is new.</returns>
    [Function(nameof(ClaimEtilizeDrop))]
    public Task<ClaimedDrop?> RunClaimEtilizeDrop([ActivityTrigger] string importRunId, string instanceId)
        => claimEtilizeDrop.RunAsync(new FunctionActivityContext(nameof(ClaimEtilizeDrop), instanceId), importRunId);

    /// <summary>Starts each schedule's due occurrence, on <c>Schedules__PollSchedule</c> (every minute by default).</summary>
    /// <param name="timer">The occurrence (unused: the clock decides what is due).</param>
    /// <param name="client">Starts the runs.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the due runs are started.</returns>
    [Function(TimerName)]
    public async Task RunOnTimer([TimerTrigger("%Schedules__PollSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var schedule in await schedules.ListAsync(cancellationToken))
        {
            if (starter.DueOccurrence(schedule, now) is not { } occurrence)
            {
                continue;
            }

            var run = await starter.StartAsync(client, schedule, occurrence, cancellationToken);
            await schedules.RecordRunAsync(schedule.Id, occurrence, run.RunId, cancellationToken);
            LogStarted(schedule.Id, occurrence, run.RunId);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Schedule {ScheduleId}: started run {RunId} for {Occurrence:u}")]
    private partial void LogStarted(string scheduleId, DateTimeOffset occurrence, string runId);
}

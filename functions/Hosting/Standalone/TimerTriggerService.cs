using Azure;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Standalone mode's timer trigger: runs every enabled <c>[TimerTrigger]</c> function on its NCRONTAB schedule (UTC),
/// each occurrence on whichever instance claims it first (<see cref="TimerLocks"/>). As with the Functions timer: a
/// failed run is not retried; a run still going when the next occurrence comes makes that occurrence be skipped; at
/// start, a monitored timer that missed an occurrence while no instance ran runs once, past due, and otherwise a
/// <c>RunOnStartup</c> timer runs once.
/// </summary>
internal sealed partial class TimerTriggerService(
    FunctionMethods functions,
    FunctionTriggers triggers,
    TimerLocks locks,
    FunctionRunner runner,
    TimerRunLog runs,
    TimeProvider timeProvider,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    private static readonly Dictionary<string, object?> NoBindingData = [];

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(triggers.Timers.Where(timer => !timer.Disabled)
            .Select(timer => RunScheduleAsync(timer, functions.All.Single(f => f.Name == timer.Name), stoppingToken)));

    private async Task RunScheduleAsync(TimerFunction timer, FunctionMethod function, CancellationToken stoppingToken)
    {
        await RunAtStartAsync(timer, function, stoppingToken);
        var lastOccurrence = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // From the later of now and the last occurrence: a timer that fires a hair early must not repeat it.
            var now = timeProvider.GetUtcNow();
            var occurrence = timer.Schedule.GetNextOccurrence(now > lastOccurrence ? now : lastOccurrence);
            try
            {
                await Task.Delay(occurrence - now, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                LogStopping(timer.Name);
                return;
            }

            lastOccurrence = occurrence;
            await RunOccurrenceAsync(timer, function, occurrence, occurrence, isPastDue: false, stoppingToken);
        }
    }

    private async Task RunAtStartAsync(TimerFunction timer, FunctionMethod function, CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        DateTimeOffset? missed = null;
        try
        {
            if (timer.UseMonitor && await locks.GetCoveredThroughAsync(timer.Name, stoppingToken) is { } covered && timer.Schedule.GetNextOccurrence(covered) <= now)
            {
                missed = timer.Schedule.GetNextOccurrence(covered);
            }
        }
        catch (Exception error) when (error is RequestFailedException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            LogMonitorUnreadable(error, timer.Name);
        }

        // The past-due run stands in for every occurrence missed up to now, as the host's does.
        if (missed is { } occurrence)
        {
            await RunOccurrenceAsync(timer, function, occurrence, now, isPastDue: true, stoppingToken);
        }
        else if (timer.RunOnStartup)
        {
            await RunOccurrenceAsync(timer, function, now, now, isPastDue: false, stoppingToken);
        }
    }

    private async Task RunOccurrenceAsync(
        TimerFunction timer, FunctionMethod function, DateTimeOffset occurrence, DateTimeOffset coversThrough, bool isPastDue, CancellationToken stoppingToken)
    {
        TimerClaim? claim;
        try
        {
            claim = await locks.TryClaimAsync(timer.Name, occurrence, coversThrough, stoppingToken);
        }
        catch (Exception error) when (error is RequestFailedException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            LogClaimFailed(error, timer.Name, occurrence);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (claim is null)
        {
            return;
        }

        await using (claim)
        {
            // As the host does, only a monitored timer sees its schedule status: the last occurrence run and this one.
            var last = claim.Previous?.UtcDateTime ?? default;
            var info = new TimerInfo
            {
                IsPastDue = isPastDue,
                ScheduleStatus = timer.UseMonitor ? new ScheduleStatus { Last = last, Next = occurrence.UtcDateTime, LastUpdated = last } : null,
            };
            var startedAt = timeProvider.GetUtcNow();
            var failure = await runner.RunAsync(function, () => info, NoBindingData, stoppingToken);
            await RecordAsync(new TimerRun(timer.Name, occurrence, startedAt, timeProvider.GetUtcNow(), failure is null, failure?.Message));
        }
    }

    private async Task RecordAsync(TimerRun run)
    {
        try
        {
            await runs.RecordAsync(run, CancellationToken.None);
        }
        catch (RequestFailedException error)
        {
            // Only health reads the record; the run itself is done.
            LogRecordFailed(error, run.FunctionName);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Timer {FunctionName}: claiming occurrence {Occurrence:O} failed; it is skipped")]
    private partial void LogClaimFailed(Exception error, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(2, LogLevel.Debug, "Timer {FunctionName} stops")]
    private partial void LogStopping(string functionName);

    [LoggerMessage(3, LogLevel.Warning, "Timer {FunctionName}: its last occurrence could not be read; a missed occurrence is not made up")]
    private partial void LogMonitorUnreadable(Exception error, string functionName);

    [LoggerMessage(4, LogLevel.Warning, "Timer {FunctionName}: recording its run for health failed")]
    private partial void LogRecordFailed(Exception error, string functionName);
}

using Azure;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Standalone mode's timer trigger: for each timer function, waits for the next occurrence of its NCRONTAB schedule
/// (UTC) and runs it on whichever instance claims it first (<see cref="TimerLocks"/>). Like the Functions timer, a
/// failed run is not retried, and occurrences missed while no instance was running are skipped.
/// </summary>
internal sealed partial class TimerTriggerService(
    FunctionCatalog catalog,
    TimerLocks locks,
    FunctionInvoker invoker,
    TimeProvider timeProvider,
    ILogger<TimerTriggerService> logger) : BackgroundService
{
    // A run that starts this late (a slow claim) is reported as past due, like the Functions host's IsPastDue.
    private static readonly TimeSpan PastDueAfter = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Select(timer => RunScheduleAsync(timer.Name, timer.Trigger, stoppingToken)));

    private async Task RunScheduleAsync(string functionName, TimerTrigger trigger, CancellationToken stoppingToken)
    {
        var lastOccurrence = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            // From the later of now and the last occurrence: a timer that fires a hair early must not repeat it.
            var now = timeProvider.GetUtcNow();
            var occurrence = trigger.Schedule.GetNextOccurrence(now > lastOccurrence ? now : lastOccurrence);
            try
            {
                await Task.Delay(occurrence - now, timeProvider, stoppingToken);
                lastOccurrence = occurrence;
                await RunOccurrenceAsync(functionName, occurrence, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                LogStopping(functionName);
            }
            catch (Exception error) when (error is RequestFailedException or OperationCanceledException)
            {
                LogClaimFailed(error, functionName, occurrence);
            }
        }
    }

    private async Task RunOccurrenceAsync(string functionName, DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        await using var claim = await locks.TryClaimAsync(functionName, occurrence, stoppingToken);
        if (claim is null)
        {
            return;
        }

        var isPastDue = timeProvider.GetUtcNow() - occurrence > PastDueAfter;
        await invoker.InvokeTimerAsync(functionName, new TimerInvocation(occurrence, isPastDue), Guid.NewGuid().ToString(), stoppingToken);
    }

    [LoggerMessage(1, LogLevel.Error, "Timer {FunctionName}: claiming occurrence {Occurrence:O} failed; it is skipped")]
    private partial void LogClaimFailed(Exception error, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(2, LogLevel.Debug, "Timer {FunctionName} stops")]
    private partial void LogStopping(string functionName);
}

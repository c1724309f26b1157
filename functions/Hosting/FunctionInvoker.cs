using Azure;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// Runs one invocation of a function's handler, whichever host triggered it: resolves the handler by name in a
/// fresh DI scope, logs under a scope carrying the function name and invocation id, and reports the outcome.
/// </summary>
public sealed partial class FunctionInvoker(IServiceScopeFactory scopes, TimerRunLog timerRuns, TimeProvider timeProvider, ILogger<FunctionInvoker> logger)
{
    /// <summary>Runs a timer function.</summary>
    /// <param name="functionName">The function.</param>
    /// <param name="timer">The occurrence.</param>
    /// <param name="invocationId">The invocation id (the host's, or a new one in standalone mode).</param>
    /// <param name="cancellationToken">Cancels the handler.</param>
    /// <returns>The outcome; failures are reported, not thrown.</returns>
    public async Task<FunctionResult> InvokeTimerAsync(string functionName, TimerInvocation timer, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var startedAt = timeProvider.GetUtcNow();
        var result = await InvokeAsync<ITimerFunction>(functionName, invocationId, (handler, token) => handler.RunAsync(timer, token), cancellationToken);
        try
        {
            await timerRuns.RecordAsync(new TimerRun(functionName, timer.ScheduledTime, startedAt, timeProvider.GetUtcNow(), result.Succeeded,
                result.Error?.Message), CancellationToken.None);
        }
        catch (RequestFailedException error)
        {
            // Only health reads the record; the run itself is done.
            LogRecordFailed(error, functionName);
        }

        return result;
    }

    /// <summary>Runs a queue function for one message.</summary>
    /// <param name="functionName">The function.</param>
    /// <param name="message">The message delivery.</param>
    /// <param name="invocationId">The invocation id (the host's, or a new one in standalone mode).</param>
    /// <param name="cancellationToken">Cancels the handler.</param>
    /// <returns>The outcome; failures are reported, not thrown.</returns>
    public Task<FunctionResult> InvokeQueueAsync(string functionName, QueueMessageInvocation message, string invocationId, CancellationToken cancellationToken) =>
        InvokeAsync<IQueueFunction>(functionName, invocationId, (handler, token) => handler.RunAsync(message, token), cancellationToken);

    private async Task<FunctionResult> InvokeAsync<THandler>(string functionName, string invocationId,
        Func<THandler, CancellationToken, Task> run, CancellationToken cancellationToken)
        where THandler : notnull
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = functionName, ["InvocationId"] = invocationId });
        var started = timeProvider.GetTimestamp();
        Exception? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await run(scope.ServiceProvider.GetRequiredKeyedService<THandler>(functionName), cancellationToken);
        }
        catch (Exception exception)
        {
            // Any failure, cancellation included, fails the invocation: the trigger decides whether it runs again.
            error = exception;
        }

        var result = new FunctionResult(functionName, invocationId, timeProvider.GetElapsedTime(started), error);
        if (result.Succeeded)
        {
            LogSucceeded(result.FunctionName, result.Duration.TotalMilliseconds);
        }
        else
        {
            LogFailed(result.Error, result.FunctionName, result.Duration.TotalMilliseconds);
        }

        return result;
    }

    [LoggerMessage(1, LogLevel.Information, "Executed {FunctionName} (succeeded in {DurationMs:F0} ms)")]
    private partial void LogSucceeded(string functionName, double durationMs);

    [LoggerMessage(3, LogLevel.Warning, "Recording the run of timer {FunctionName} failed")]
    private partial void LogRecordFailed(Exception error, string functionName);

    [LoggerMessage(2, LogLevel.Error, "Executed {FunctionName} (failed after {DurationMs:F0} ms)")]
    private partial void LogFailed(Exception? error, string functionName, double durationMs);
}

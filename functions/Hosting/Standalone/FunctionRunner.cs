namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Runs one triggered invocation of a function as the Functions host does: binds the trigger, calls the method in a DI
/// scope of its own under a log scope naming the function and the invocation, and logs the outcome. A failure (binding
/// included) is reported to the trigger, which decides what happens next; it is never thrown.
/// </summary>
internal sealed partial class FunctionRunner(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<FunctionRunner> logger)
{
    /// <summary>Runs <paramref name="function"/> once.</summary>
    /// <param name="function">The function.</param>
    /// <param name="bindTrigger">Makes the trigger parameter's value; throwing fails the invocation, as a binding error does.</param>
    /// <param name="bindingData">The trigger's other values, bound to parameters by name.</param>
    /// <param name="cancellationToken">Passed to the function.</param>
    /// <returns><see langword="null"/> when the function succeeded, else why it failed.</returns>
    public async Task<Exception?> RunAsync(
        FunctionMethod function, Func<object?> bindTrigger, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bindTrigger);
        var invocationId = Guid.NewGuid().ToString();
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = function.Name, ["InvocationId"] = invocationId });
        var started = timeProvider.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await FunctionMethodInvoker.InvokeAsync(function, scope.ServiceProvider, bindTrigger(), bindingData, cancellationToken);
        }
        catch (Exception error)
        {
            // Any failure, cancellation included, fails the invocation: the trigger decides whether it runs again.
            LogFailed(error, function.Name, invocationId, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return error;
        }

        LogSucceeded(function.Name, invocationId, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return null;
    }

    [LoggerMessage(1, LogLevel.Information, "Executed '{FunctionName}' (Succeeded, Id={InvocationId}, Duration={DurationMs:F0}ms)")]
    private partial void LogSucceeded(string functionName, string invocationId, double durationMs);

    [LoggerMessage(2, LogLevel.Error, "Executed '{FunctionName}' (Failed, Id={InvocationId}, Duration={DurationMs:F0}ms)")]
    private partial void LogFailed(Exception error, string functionName, string invocationId, double durationMs);
}

namespace CowansSync.Functions.Hosting;

/// <summary>
/// Runs a timer-triggered function. Registered as a keyed service under the function's name
/// (<see cref="FunctionServiceCollectionExtensions.AddTimerFunction{THandler}"/>); both hosting modes call it.
/// </summary>
public interface ITimerFunction
{
    /// <summary>Runs one occurrence; throwing marks the run failed (timers are not retried, the next occurrence runs as planned).</summary>
    /// <param name="timer">The occurrence.</param>
    /// <param name="cancellationToken">Cancelled when the app stops or the host gives up on the invocation.</param>
    /// <returns>A task that completes when the run is done.</returns>
    Task RunAsync(TimerInvocation timer, CancellationToken cancellationToken);
}

using CowansSync.Functions.Hosting.Scheduling;
using CowansSync.Functions.Hosting.Standalone;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Hosting;

/// <summary>
/// The app's timer and queue functions with their triggers resolved against its settings: what the standalone host
/// schedules and polls, and what health reports in either host.
/// </summary>
public sealed class FunctionTriggers
{
    private FunctionTriggers(IReadOnlyList<TimerFunction> timers, IReadOnlyList<QueueFunction> queues) => (Timers, Queues) = (timers, queues);

    /// <summary>The timer functions, by name.</summary>
    public IReadOnlyList<TimerFunction> Timers { get; }

    /// <summary>The queue functions, by name.</summary>
    public IReadOnlyList<QueueFunction> Queues { get; }

    /// <summary>Whether the app setting <c>AzureWebJobs.&lt;Name&gt;.Disabled</c> (or its <c>__</c> form) turns a function off.</summary>
    /// <param name="functionName">The function.</param>
    /// <param name="configuration">The app's settings.</param>
    /// <returns><see langword="true"/> when the function must not be triggered.</returns>
    public static bool IsDisabled(string functionName, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetValue<bool>($"AzureWebJobs.{functionName}.Disabled") || configuration.GetValue<bool>($"AzureWebJobs:{functionName}:Disabled");
    }

    /// <summary>Resolves the triggers of <paramref name="functions"/>.</summary>
    /// <param name="functions">The app's functions.</param>
    /// <param name="configuration">Resolves <c>%Setting%</c> references.</param>
    /// <param name="timeProvider">Where "now" is, to tell sub-minute schedules.</param>
    /// <returns>The triggers.</returns>
    /// <exception cref="InvalidOperationException">A trigger names a missing setting or has an invalid schedule; the message names the function.</exception>
    internal static FunctionTriggers Resolve(FunctionMethods functions, IConfiguration configuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var timers = functions.Of<TimerTriggerAttribute>()
            .Select(f => Checked(f.Function, () => Timer(f.Function.Name, f.Trigger, configuration, timeProvider.GetUtcNow())))
            .ToList();
        var queues = functions.Of<QueueTriggerAttribute>()
            .Select(f => Checked(f.Function, () => new QueueFunction(f.Function.Name,
                TriggerSettings.Resolve(f.Trigger.QueueName, configuration).ToLowerInvariant(),
                f.Trigger.Connection ?? "AzureWebJobsStorage", IsDisabled(f.Function.Name, configuration))))
            .ToList();
        return new FunctionTriggers(timers, queues);
    }

    private static TimerFunction Timer(string name, TimerTriggerAttribute trigger, IConfiguration configuration, DateTimeOffset now)
    {
        var schedule = CronSchedule.Parse(TriggerSettings.Resolve(trigger.Schedule, configuration));

        // The host stops monitoring a schedule that fires more than once a minute: recording each occurrence would cost more than it saves.
        var first = schedule.GetNextOccurrence(now);
        var useMonitor = trigger.UseMonitor && schedule.GetNextOccurrence(first) - first >= TimeSpan.FromMinutes(1);
        return new TimerFunction(name, schedule, trigger.RunOnStartup, useMonitor, IsDisabled(name, configuration));
    }

    private static T Checked<T>(FunctionMethod function, Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (FormatException error)
        {
            throw new InvalidOperationException($"The trigger of the function '{function.Name}' is invalid: {error.Message}", error);
        }
    }
}

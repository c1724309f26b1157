using CowansSync.Functions.Hosting.Scheduling;
using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Hosting;

/// <summary>The trigger binding of a function definition (<c>function.json</c>).</summary>
/// <param name="BindingName">The binding's <c>name</c>: the key of the trigger value in a custom-handler invocation's <c>Data</c>.</param>
public abstract record FunctionTrigger(string BindingName);

/// <summary>A <c>timerTrigger</c>: runs on an NCRONTAB schedule.</summary>
/// <param name="BindingName">The binding's name.</param>
/// <param name="Schedule">The schedule, with any <c>%Setting%</c> already resolved.</param>
public sealed record TimerTrigger(string BindingName, CronSchedule Schedule) : FunctionTrigger(BindingName);

/// <summary>A <c>queueTrigger</c>: runs once per message of a storage queue.</summary>
/// <param name="BindingName">The binding's name.</param>
/// <param name="QueueName">The queue, with any <c>%Setting%</c> already resolved.</param>
/// <param name="Connection">The name of the setting that holds the storage connection.</param>
public sealed record QueueTrigger(string BindingName, string QueueName, string Connection) : FunctionTrigger(BindingName)
{
    /// <summary>Where the queue trigger moves messages that failed <c>maxDequeueCount</c> times.</summary>
    public string PoisonQueueName => StorageClients.PoisonQueueName(QueueName);
}

/// <summary>An <c>httpTrigger</c>: the Functions host forwards the request to the app's own routes.</summary>
/// <param name="BindingName">The binding's name.</param>
public sealed record HttpTrigger(string BindingName) : FunctionTrigger(BindingName);

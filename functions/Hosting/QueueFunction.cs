using CowansSync.Functions.Storage;

namespace CowansSync.Functions.Hosting;

/// <summary>A queue-triggered function, its <c>[QueueTrigger]</c> resolved against the app's settings.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="QueueName">The queue it reads (lower case, as the host normalizes it).</param>
/// <param name="Connection">The name of the setting holding the storage account.</param>
/// <param name="Disabled">Whether the setting <c>AzureWebJobs.&lt;Name&gt;.Disabled</c> turns it off.</param>
public sealed record QueueFunction(string Name, string QueueName, string Connection, bool Disabled)
{
    /// <summary>Where a message goes after its last failed delivery: <c>&lt;queue&gt;-poison</c>.</summary>
    public string PoisonQueueName => StorageClients.PoisonQueueName(QueueName);
}

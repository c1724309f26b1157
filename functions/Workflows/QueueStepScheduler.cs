using System.Text.Json;
using System.Text.Json.Nodes;
using CowansSync.Functions.Storage;
using CowansSync.Orchestrations.Domain;
using CowansSync.Orchestrations.Ports;
using CowansSync.Orchestrations.Workflows;

namespace CowansSync.Functions.Workflows;

/// <summary>Step messages on the <c>sync-work</c> queue, as JSON with <c>type</c> and <c>run_id</c> (what <c>SyncWork</c> dispatches on).</summary>
public sealed class QueueStepScheduler(StorageClients storage) : IStepScheduler
{
    /// <summary>The work queue.</summary>
    public const string QueueName = "sync-work";

    /// <summary>The time to live of a step message: -1 s is the Queue service's "never expires" (a run may wait days for approval).</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <inheritdoc />
    public async Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay, CancellationToken cancellationToken)
        where TMessage : IWorkflowMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        if (delay > IStepScheduler.MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A step can be delayed by at most 7 days; re-arm longer timers.");
        }

        var queue = await storage.GetQueueAsync(QueueName, cancellationToken);
        // Never expire: a step message must stay until it is handled or poisoned.
        await queue.SendMessageAsync(Serialize(message), delay, NeverExpires, cancellationToken);
    }

    /// <summary>The message's JSON: its properties in snake_case, with <c>type</c> first.</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <param name="message">The message.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<TMessage>(TMessage message)
        where TMessage : IWorkflowMessage
    {
        var body = JsonSerializer.SerializeToNode(message, DomainJson.Options)!.AsObject();
        var json = new JsonObject { ["type"] = message.Type };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            json[name] = value;
        }

        return json.ToJsonString();
    }
}

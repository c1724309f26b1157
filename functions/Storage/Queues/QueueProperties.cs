namespace CowansSync.Functions.Storage.Queues;

/// <summary>A queue's properties.</summary>
/// <param name="ApproximateMessagesCount">About how many messages the queue holds, invisible ones included.</param>
/// <param name="Metadata">The queue's metadata.</param>
public sealed record QueueProperties(int ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);

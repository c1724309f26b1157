namespace CowansSync.Functions.Hosting;

/// <summary>One delivery of a queue message.</summary>
/// <param name="MessageId">The storage message id (stable across deliveries).</param>
/// <param name="MessageText">The message text, base64-decoded.</param>
/// <param name="DequeueCount">How many times the message has been delivered, this delivery included.</param>
public sealed record QueueMessageInvocation(string MessageId, string MessageText, long DequeueCount);

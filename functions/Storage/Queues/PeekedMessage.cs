namespace CowansSync.Functions.Storage.Queues;

/// <summary>A message seen without receiving it: it stays visible and its dequeue count does not change.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="DequeueCount">How many times the message has been received.</param>
/// <param name="InsertionTime">When the message was sent.</param>
/// <param name="ExpirationTime">When the message expires.</param>
/// <param name="MessageText">The decoded text; the raw wire text when it was not valid for the client's encoding.</param>
public sealed record PeekedMessage(string MessageId, long DequeueCount, DateTimeOffset InsertionTime, DateTimeOffset ExpirationTime, string MessageText);

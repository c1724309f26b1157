namespace CowansSync.Functions.Storage.Queues;

/// <summary>What the service says about a message it accepted.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">A receipt that allows deleting or updating the message before anyone receives it.</param>
/// <param name="InsertionTime">When the message was sent.</param>
/// <param name="ExpirationTime">When the message expires.</param>
/// <param name="TimeNextVisible">When the message first becomes visible.</param>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertionTime, DateTimeOffset ExpirationTime, DateTimeOffset TimeNextVisible);

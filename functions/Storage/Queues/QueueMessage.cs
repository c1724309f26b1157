namespace CowansSync.Functions.Storage.Queues;

/// <summary>A received message: hidden from other receivers until <see cref="NextVisibleOn"/>.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">Proof of this receipt, needed to delete or update the message.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertionTime">When the message was sent.</param>
/// <param name="ExpirationTime">When the message expires.</param>
/// <param name="NextVisibleOn">When the message becomes visible again unless deleted.</param>
/// <param name="MessageText">The decoded text; the raw wire text when it was not valid for the client's encoding.</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleOn,
    string MessageText)
{
    /// <summary>The message text as UTF-8 bytes.</summary>
    public BinaryData Body => BinaryData.FromString(MessageText);
}

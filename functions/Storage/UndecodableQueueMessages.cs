using Azure.Storage.Queues;

namespace CowansSync.Functions.Storage;

/// <summary>
/// Moves a message that is not base64 (put on a queue by some other producer) to <c>{queue}-poison</c>, as the
/// Functions queue trigger does, so it neither stops the receive of its batch nor comes back for ever.
/// </summary>
/// <remarks>
/// Without a handler the SDK fails the whole receive with a <see cref="FormatException"/>; with one it leaves the
/// message out of the batch and hands it here. A repeat is harmless: a second copy in the poison queue, at worst, and
/// the delete of a message already gone is ignored. A poison queue's own undecodable messages stay where they are.
/// </remarks>
internal static class UndecodableQueueMessages
{
    /// <summary>Registers the move on <paramref name="options"/>; <paramref name="service"/> is read when a message arrives.</summary>
    /// <param name="options">The options the queue service is about to be built with.</param>
    /// <param name="service">The queue service, once built.</param>
    /// <remarks>
    /// Asynchronous only: the app receives only with the SDK's async methods (a synchronous receive would still work,
    /// the SDK waiting for the handler).
    /// </remarks>
    public static void MoveToPoison(QueueClientOptions options, Func<QueueServiceClient> service) =>
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is not { } message || StorageClients.IsPoisonQueue(args.Queue.Name))
            {
                return;
            }

            var poison = service().GetQueueClient(StorageClients.PoisonQueueName(args.Queue.Name));
            await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken).ConfigureAwait(false);
            await poison.SendMessageAsync(message.Body.ToString(), cancellationToken: args.CancellationToken).ConfigureAwait(false);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
        };
}

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
    private const string PoisonSuffix = "-poison";

    /// <summary>Registers the move on <paramref name="options"/>; <paramref name="service"/> is read when a message arrives.</summary>
    /// <param name="options">The options the queue service is about to be built with.</param>
    /// <param name="service">The queue service, once built.</param>
    public static void MoveToPoison(QueueClientOptions options, Func<QueueServiceClient> service) =>
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is not { } message || args.Queue.Name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
            {
                return;
            }

            var poison = service().GetQueueClient(args.Queue.Name + PoisonSuffix);
            if (args.IsRunningSynchronously)
            {
                poison.CreateIfNotExists(cancellationToken: args.CancellationToken);
                poison.SendMessage(message.Body.ToString(), cancellationToken: args.CancellationToken);
                args.Queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            }
            else
            {
                await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken).ConfigureAwait(false);
                await poison.SendMessageAsync(message.Body.ToString(), cancellationToken: args.CancellationToken).ConfigureAwait(false);
                await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
            }
        };
}

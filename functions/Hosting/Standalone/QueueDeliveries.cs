using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CowansSync.Functions.Storage;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// One delivery of a queue message, as the Functions queue trigger handles it: the message stays invisible while its
/// function runs; it is deleted on success, made visible again after <see cref="QueueTriggerOptions.VisibilityTimeout"/>
/// on failure, and moved to <c>&lt;queue&gt;-poison</c> when its last allowed delivery
/// (<see cref="QueueTriggerOptions.MaxDequeueCount"/>) fails.
/// </summary>
internal sealed partial class QueueDeliveries(
    StorageClients storage, FunctionRunner runner, IOptions<QueueTriggerOptions> options, TimeProvider timeProvider, ILogger<QueueDeliveries> logger)
{
    /// <summary>Runs <paramref name="function"/> for <paramref name="message"/> and completes the delivery; never throws.</summary>
    /// <param name="queue">The function's queue.</param>
    /// <param name="function">The function.</param>
    /// <param name="client">The queue's client.</param>
    /// <param name="message">The received message.</param>
    /// <param name="abort">Cancels the function (the host's shutdown timeout ran out).</param>
    /// <returns>A task that completes when the delivery is done.</returns>
    public async Task HandleAsync(QueueFunction queue, FunctionMethod function, QueueClient client, QueueMessage message, CancellationToken abort)
    {
        var settings = options.Value;
        try
        {
            // A message already past its last delivery (its function crashed the process) is not run again.
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, client, message, message.PopReceipt);
                return;
            }

            var lease = QueueMessageLease.Start(client, message, settings.MessageLease, timeProvider);
            Exception? failure;
            try
            {
                var parameterType = function.TriggerParameter.ParameterType;
                failure = await runner.RunAsync(function, () => QueueMessageBinding.TriggerValue(message, parameterType),
                    QueueMessageBinding.BindingData(message), abort);
            }
            finally
            {
                await lease.DisposeAsync();
            }

            if (failure is null)
            {
                await client.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, client, message, lease.PopReceipt);
            }
            else
            {
                await client.UpdateMessageAsync(message.MessageId, lease.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception error) when (error is RequestFailedException or OperationCanceledException)
        {
            // The message reappears when its invisibility ends and is delivered again: at-least-once, as in Azure.
            LogCompletionFailed(error, message.MessageId, queue.QueueName);
        }
    }

    private async Task MoveToPoisonAsync(QueueFunction queue, QueueClient client, QueueMessage message, string popReceipt)
    {
        // The body as received, bytes and all: the poison queue holds what the producer sent.
        var poison = await storage.GetQueueAsync(queue.PoisonQueueName, CancellationToken.None);
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await client.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        LogPoisoned(message.MessageId, queue.QueueName, queue.PoisonQueueName, message.DequeueCount);
    }

    [LoggerMessage(1, LogLevel.Warning, "Completing message {MessageId} of queue {QueueName} failed; it will be delivered again")]
    private partial void LogCompletionFailed(Exception error, string messageId, string queueName);

    [LoggerMessage(2, LogLevel.Error, "Message {MessageId} of queue {QueueName} was moved to {PoisonQueueName} after {DequeueCount} deliveries")]
    private partial void LogPoisoned(string messageId, string queueName, string poisonQueueName, long dequeueCount);
}

using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CowansSync.Functions.Storage;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Standalone mode's queue trigger, with the Functions queue trigger's semantics: receive up to a batch, keep each
/// message invisible while it runs, delete it on success, make it visible again after
/// <see cref="QueueTriggerOptions.VisibilityTimeout"/> on failure, and move it to <c>&lt;queue&gt;-poison</c> when its
/// last allowed delivery fails. Idle queues are polled less and less often, up to
/// <see cref="QueueTriggerOptions.MaxPollingInterval"/>. On shutdown it stops receiving and lets the running handlers
/// finish (until the host's shutdown timeout cancels them). Instances sharing the queue compete safely: a received
/// message is invisible to the others.
/// </summary>
internal sealed partial class QueueTriggerService(
    FunctionCatalog catalog,
    StorageClients storage,
    FunctionInvoker invoker,
    IOptions<QueueTriggerOptions> options,
    TimeProvider timeProvider,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    // Cancelled only when the host's shutdown timeout runs out: until then, running handlers may finish.
    private readonly CancellationTokenSource _abortHandlers = new();

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(_abortHandlers.Cancel);
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abortHandlers.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Queues.Select(queue => PollAsync(queue.Name, queue.Trigger, stoppingToken)));

    private async Task PollAsync(string functionName, QueueTrigger trigger, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var idleDelay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages = [];
            QueueClient? queue = null;
            try
            {
                queue = await storage.GetQueueAsync(trigger.QueueName, stoppingToken);
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.MessageLease, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error) when (error is RequestFailedException or OperationCanceledException)
            {
                // Storage unreachable or timing out: back off and try again.
                LogReceiveFailed(error, trigger.QueueName);
            }

            if (messages.Length == 0 || queue is null)
            {
                await DelayAsync(idleDelay, stoppingToken);
                idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }

            idleDelay = MinPollingInterval;
            await Task.WhenAll(messages.Select(message => ProcessAsync(functionName, trigger, queue, message)));
        }
    }

    private async Task ProcessAsync(string functionName, QueueTrigger trigger, QueueClient queue, QueueMessage message)
    {
        var settings = options.Value;
        try
        {
            // A message already past its last delivery (its handler crashed the process) is not run again.
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(trigger, queue, message.MessageId, message.PopReceipt, message.MessageText);
                return;
            }

            var lease = QueueMessageLease.Start(queue, message, settings.MessageLease, timeProvider);
            FunctionResult result;
            try
            {
                var invocation = new QueueMessageInvocation(message.MessageId, message.MessageText, message.DequeueCount);
                result = await invoker.InvokeQueueAsync(functionName, invocation, Guid.NewGuid().ToString(), _abortHandlers.Token);
            }
            finally
            {
                await lease.DisposeAsync();
            }

            var popReceipt = lease.PopReceipt;

            if (result.Succeeded)
            {
                await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(trigger, queue, message.MessageId, popReceipt, message.MessageText);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception error) when (error is RequestFailedException or OperationCanceledException)
        {
            // The message reappears when its invisibility ends and is handled again: at-least-once, as in Azure.
            LogCompletionFailed(error, message.MessageId, trigger.QueueName);
        }
    }

    private async Task MoveToPoisonAsync(QueueTrigger trigger, QueueClient queue, string messageId, string popReceipt, string messageText)
    {
        var poison = await storage.GetQueueAsync(trigger.PoisonQueueName, CancellationToken.None);
        await poison.SendMessageAsync(messageText, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(messageId, popReceipt, CancellationToken.None);
        LogPoisoned(messageId, trigger.QueueName, trigger.PoisonQueueName);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopping();
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Receiving from queue {QueueName} failed; retrying")]
    private partial void LogReceiveFailed(Exception error, string queueName);

    [LoggerMessage(2, LogLevel.Warning, "Completing message {MessageId} of queue {QueueName} failed; it will be delivered again")]
    private partial void LogCompletionFailed(Exception error, string messageId, string queueName);

    [LoggerMessage(3, LogLevel.Error, "Message {MessageId} of queue {QueueName} failed its last delivery and was moved to {PoisonQueueName}")]
    private partial void LogPoisoned(string messageId, string queueName, string poisonQueueName);

    [LoggerMessage(4, LogLevel.Debug, "Queue polling stops")]
    private partial void LogStopping();
}

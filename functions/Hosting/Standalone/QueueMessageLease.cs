using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Keeps a received message invisible while its handler runs, renewing the visibility timeout at half time as the
/// Functions queue trigger does, so a long handler does not see its message delivered a second time.
/// </summary>
internal sealed class QueueMessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private QueueMessageLease(QueueClient queue, QueueMessage message, TimeSpan duration, TimeProvider timeProvider)
    {
        _duration = duration;
        _queue = queue;
        _messageId = message.MessageId;
        PopReceipt = message.PopReceipt;
        _timeProvider = timeProvider;
        _renewing = RenewAsync(_stop.Token);
    }

    /// <summary>The message's current pop receipt; each renewal replaces it. Read it after disposal.</summary>
    public string PopReceipt { get; private set; }

    /// <summary>Starts renewing <paramref name="message"/>'s invisibility, <paramref name="duration"/> at a time, until disposed.</summary>
    public static QueueMessageLease Start(QueueClient queue, QueueMessage message, TimeSpan duration, TimeProvider timeProvider)
        => new(queue, message, duration, timeProvider);

    /// <summary>Stops renewing; <see cref="PopReceipt"/> is final afterwards.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_duration / 2, _timeProvider, stop);
                var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, visibilityTimeout: _duration, cancellationToken: stop);
                PopReceipt = receipt.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the handler finished.
            return;
        }
        catch (RequestFailedException)
        {
            // The message is gone or its receipt is stale: the next delete or update reports it.
            return;
        }
    }
}

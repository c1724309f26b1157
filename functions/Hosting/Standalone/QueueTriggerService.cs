using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CowansSync.Functions.Settings;
using CowansSync.Functions.Storage;
using Microsoft.Extensions.Options;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Standalone mode's queue trigger for every enabled <c>[QueueTrigger]</c> function, polling with the Functions queue
/// trigger's semantics: receive up to a batch and run it in parallel (<see cref="QueueDeliveries"/>), fetching the next
/// batch once only <see cref="QueueTriggerOptions.NewBatchThreshold"/> still run. Idle queues are polled less and less often, up to
/// <see cref="QueueTriggerOptions.MaxPollingInterval"/>. On shutdown it stops receiving and lets the running functions
/// finish (until the host's shutdown timeout cancels them). Instances sharing a queue compete safely: a received message
/// is invisible to the others.
/// </summary>
internal sealed partial class QueueTriggerService(
    FunctionMethods functions,
    FunctionTriggers triggers,
    StorageClients storage,
    QueueDeliveries deliveries,
    IOptions<QueueTriggerOptions> options,
    TimeProvider timeProvider,
    ILogger<QueueTriggerService> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    // Cancelled only when the host's shutdown timeout runs out: until then, running functions may finish.
    private readonly CancellationTokenSource _abortHandlers = new();

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">A queue function reads another storage account than <c>SyncStorage</c>.</exception>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var foreign = triggers.Queues.FirstOrDefault(queue => !string.Equals(queue.Connection, SyncStorageOptions.Section, StringComparison.OrdinalIgnoreCase));
        return foreign is null
            ? base.StartAsync(cancellationToken)
            : throw new InvalidOperationException(
                $"The queue function '{foreign.Name}' uses the connection '{foreign.Connection}'; this app's queues are in '{SyncStorageOptions.Section}'.");
    }

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
        Task.WhenAll(triggers.Queues.Where(queue => !queue.Disabled)
            .Select(queue => PollAsync(queue, functions.All.Single(f => f.Name == queue.Name), stoppingToken)));

    private async Task PollAsync(QueueFunction queue, FunctionMethod function, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var newBatchThreshold = settings.NewBatchThreshold ?? settings.BatchSize / 2;
        var running = new List<Task>();
        var idleDelay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(task => task.IsCompleted);
            if (running.Count > newBatchThreshold)
            {
                await Task.WhenAny(running);
                continue;
            }

            var (client, messages) = await ReceiveAsync(queue, settings, stoppingToken);
            if (messages.Length == 0)
            {
                await DelayAsync(idleDelay, stoppingToken);
                idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }

            idleDelay = MinPollingInterval;
            running.AddRange(messages.Select(message => deliveries.HandleAsync(queue, function, client!, message, _abortHandlers.Token)));
        }

        await Task.WhenAll(running);
    }

    private async Task<(QueueClient? Client, QueueMessage[] Messages)> ReceiveAsync(QueueFunction queue, QueueTriggerOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            var client = await storage.GetQueueAsync(queue.QueueName, stoppingToken);
            return (client, (await client.ReceiveMessagesAsync(settings.BatchSize, settings.MessageLease, stoppingToken)).Value);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return (null, []);
        }
        catch (Exception error) when (error is RequestFailedException or OperationCanceledException)
        {
            // Storage unreachable or timing out: back off and try again.
            LogReceiveFailed(error, queue.QueueName);
            return (null, []);
        }
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

    [LoggerMessage(2, LogLevel.Debug, "Queue polling stops")]
    private partial void LogStopping();
}

using System.Text.Json;
using Azure.Storage.Queues.Models;
using CowansSync.Functions.Settings;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Work;

/// <summary>
/// The <c>SyncWork</c> queue function: reads the message's <c>type</c> and hands the message to the handler
/// registered for it. A message that is not JSON, has no type, or has a type nobody handles fails, so it is
/// retried and then poisoned, and the log says why.
/// </summary>
public sealed partial class SyncWorkFunction(IServiceProvider services, ILogger<SyncWorkFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "SyncWork";

    /// <summary>The queue of workflow step messages.</summary>
    public const string QueueName = "sync-work";

    /// <summary>Dispatches one delivery of a step message.</summary>
    /// <param name="message">The delivery; its id and dequeue count reach the handler.</param>
    /// <param name="cancellationToken">Cancelled when the app stops.</param>
    /// <returns>A task that completes when the handler is done.</returns>
    [Function(Name)]
    public async Task RunAsync([QueueTrigger(QueueName, Connection = SyncStorageOptions.Section)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var work = Parse(message);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["MessageType"] = work.Type, ["RunId"] = work.RunId });
        var handler = services.GetKeyedService<IWorkMessageHandler>(work.Type)
            ?? throw new InvalidOperationException($"No handler is registered for sync-work messages of type '{work.Type}' (message {message.MessageId}).");
        LogDispatching(work.Type, message.MessageId, message.DequeueCount);
        await handler.HandleAsync(work, cancellationToken);
    }

    private static WorkMessage Parse(QueueMessage message)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(message.Body);
            body = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The sync-work message {message.MessageId} is not JSON: {error.Message}", error);
        }

        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
        {
            throw new InvalidDataException($"The sync-work message {message.MessageId} has no \"type\".");
        }

        var runId = body.TryGetProperty("run_id", out var run) && run.ValueKind == JsonValueKind.String ? run.GetString() : null;
        return new WorkMessage(type.GetString()!, runId, body, message.MessageId, message.DequeueCount);
    }

    [LoggerMessage(1, LogLevel.Debug, "Dispatching sync-work message {MessageId} of type {MessageType} (delivery {DequeueCount})")]
    private partial void LogDispatching(string messageType, string messageId, long dequeueCount);
}
